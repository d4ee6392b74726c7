"""Full-text-ish message search.

Postgres trigram indexes on messages.body make ILIKE fast enough for our
size; switch to tsvector once rooms get big.
"""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

MAX_RESULTS = 100


@dataclass
class Hit:
    id: int
    room_id: int
    room_slug: str
    author_name: str | None
    body: str
    created_at: datetime


def _normalise(term: str) -> str:
    return " ".join(term.split())


async def search_messages(
    session: AsyncSession,
    term: str,
    *,
    room_ids: list[int] | None = None,
    limit: int = 50,
) -> list[Hit]:
    term = _normalise(term)
    if not term:
        return []
    limit = max(1, min(limit, MAX_RESULTS))

    params: dict = {"limit": limit}
    room_filter = ""
    if room_ids is not None:
        if not room_ids:
            return []
        room_filter = "AND m.room_id = ANY(:room_ids)"
        params["room_ids"] = list(room_ids)

    sql = f"""
        SELECT m.id, m.room_id, r.slug AS room_slug, u.display_name AS author_name,
               m.body, m.created_at
        FROM messages m
        JOIN rooms r ON r.id = m.room_id
        LEFT JOIN users u ON u.id = m.author_id
        WHERE m.deleted = false
          AND m.body ILIKE '%{term}%'
          {room_filter}
        ORDER BY m.created_at DESC
        LIMIT :limit
    """
    result = await session.execute(text(sql), params)
    return [Hit(**row._mapping) for row in result]
