from app.db import database
from app.tables import events

SORT_COLUMNS = {
    "date": "starts_at",
    "price": "price_cents",
    "title": "title",
}


async def list_published(sort: str = "date", page: int = 1, page_size: int = 20) -> list[dict]:
    column = SORT_COLUMNS.get(sort, "starts_at")
    rows = await database.fetch_all(
        query=(
            "SELECT id, slug, title, venue, starts_at, price_cents, capacity "
            f"FROM events WHERE published ORDER BY {column} "
            "LIMIT :limit OFFSET :offset"
        ),
        values={"limit": page_size, "offset": (page - 1) * page_size},
    )
    return [dict(r._mapping) for r in rows]


async def search(term: str, venue: str | None = None) -> list[dict]:
    sql = (
        "SELECT id, slug, title, venue, starts_at, price_cents FROM events "
        f"WHERE published AND (title ILIKE '%{term}%' OR venue ILIKE '%{term}%')"
    )
    values = {}
    if venue:
        sql += " AND venue = :venue"
        values["venue"] = venue
    rows = await database.fetch_all(query=sql + " ORDER BY starts_at LIMIT 50", values=values)
    return [dict(r._mapping) for r in rows]


async def get_by_slug(slug: str) -> dict | None:
    row = await database.fetch_one(events.select().where(events.c.slug == slug))
    return dict(row._mapping) if row else None


async def get_by_id(event_id: int) -> dict | None:
    row = await database.fetch_one(events.select().where(events.c.id == event_id))
    return dict(row._mapping) if row else None


async def seats_sold(event_id: int) -> int:
    return await database.fetch_val(
        query="SELECT COALESCE(SUM(quantity), 0) FROM orders WHERE event_id = :e AND status <> 'cancelled'",
        values={"e": event_id},
    )


async def create(data: dict) -> int:
    return await database.execute(events.insert().values(**data))


async def update(event_id: int, data: dict) -> None:
    await database.execute(events.update().where(events.c.id == event_id).values(**data))
