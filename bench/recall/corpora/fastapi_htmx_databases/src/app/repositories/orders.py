from app.db import database
from app.tables import orders

ORDERS_TABLE = "orders"


async def create(user_id: int, event_id: int, quantity: int, total_cents: int) -> int:
    return await database.execute(
        orders.insert().values(
            user_id=user_id, event_id=event_id, quantity=quantity, total_cents=total_cents
        )
    )


async def get_for_user(order_id: int, user_id: int) -> dict | None:
    row = await database.fetch_one(
        query=f"SELECT * FROM {ORDERS_TABLE} WHERE id = :id AND user_id = :uid",
        values={"id": order_id, "uid": user_id},
    )
    return dict(row._mapping) if row else None


async def list_for_user(user_id: int) -> list[dict]:
    rows = await database.fetch_all(
        query=(
            "SELECT o.id, o.quantity, o.total_cents, o.status, e.title, e.starts_at "
            "FROM orders o JOIN events e ON e.id = o.event_id "
            "WHERE o.user_id = :uid ORDER BY o.created_at DESC"
        ),
        values={"uid": user_id},
    )
    return [dict(r._mapping) for r in rows]


async def list_for_admin(event_id: int | None, sort: str, direction: str) -> list[dict]:
    where = "WHERE o.event_id = :event_id" if event_id else ""
    values = {"event_id": event_id} if event_id else {}
    rows = await database.fetch_all(
        query=(
            "SELECT o.id, u.email, o.quantity, o.total_cents, o.status, o.created_at "
            "FROM orders o JOIN users u ON u.id = o.user_id "
            f"{where} ORDER BY {sort} {direction}"
        ),
        values=values,
    )
    return [dict(r._mapping) for r in rows]


async def get_many(order_ids: list[int]) -> list[dict]:
    if not order_ids:
        return []
    placeholders = ", ".join(f":id{i}" for i in range(len(order_ids)))
    rows = await database.fetch_all(
        query=f"SELECT * FROM orders WHERE id IN ({placeholders})",
        values={f"id{i}": oid for i, oid in enumerate(order_ids)},
    )
    return [dict(r._mapping) for r in rows]


async def mark_paid(order_id: int, payment_ref: str) -> None:
    await database.execute(
        orders.update().where(orders.c.id == order_id).values(status="paid", payment_ref=payment_ref)
    )


async def cancel(order_id: int) -> None:
    await database.execute(orders.update().where(orders.c.id == order_id).values(status="cancelled"))
