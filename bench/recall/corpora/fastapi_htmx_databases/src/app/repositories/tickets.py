from datetime import datetime, timezone

from app.db import database
from app.tables import tickets, transfers


async def add(order_id: int, holder_id: int, code: str) -> int:
    return await database.execute(
        tickets.insert().values(order_id=order_id, holder_id=holder_id, code=code)
    )


async def get_by_code(code: str) -> dict | None:
    row = await database.fetch_one(tickets.select().where(tickets.c.code == code))
    return dict(row._mapping) if row else None


async def list_for_holder(user_id: int) -> list[dict]:
    rows = await database.fetch_all(
        query=(
            "SELECT t.id, t.code, t.checked_in_at, e.title, e.venue, e.starts_at "
            "FROM tickets t JOIN orders o ON o.id = t.order_id JOIN events e ON e.id = o.event_id "
            "WHERE t.holder_id = :uid ORDER BY e.starts_at"
        ),
        values={"uid": user_id},
    )
    return [dict(r._mapping) for r in rows]


async def check_in(ticket_id: int) -> None:
    await database.execute(
        tickets.update()
        .where(tickets.c.id == ticket_id)
        .values(checked_in_at=datetime.now(timezone.utc))
    )


async def create_transfer(ticket_id: int, to_email: str, claim_code: str) -> int:
    return await database.execute(
        transfers.insert().values(ticket_id=ticket_id, to_email=to_email, claim_code=claim_code)
    )


async def get_open_transfer(claim_code: str) -> dict | None:
    row = await database.fetch_one(
        transfers.select().where(transfers.c.claim_code == claim_code, transfers.c.claimed_at.is_(None))
    )
    return dict(row._mapping) if row else None


async def complete_transfer(transfer_id: int, ticket_id: int, new_holder_id: int) -> None:
    async with database.transaction():
        await database.execute(
            tickets.update().where(tickets.c.id == ticket_id).values(holder_id=new_holder_id)
        )
        await database.execute(
            transfers.update()
            .where(transfers.c.id == transfer_id)
            .values(claimed_at=datetime.now(timezone.utc))
        )
