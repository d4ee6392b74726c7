from __future__ import annotations

from typing import Any, Iterable

import asyncpg

Executor = asyncpg.Pool | asyncpg.Connection

EDITABLE_FIELDS = ("title", "summary", "notes", "season", "number", "episode_type", "explicit")

_EPISODE_COLUMNS = """
    e.id, e.show_id, e.guid, e.slug, e.title, e.summary, e.notes, e.season, e.number,
    e.episode_type, e.explicit, e.audio_key, e.audio_size, e.audio_type, e.duration_seconds,
    e.status, e.position, e.published_at, e.created_at
"""


async def list_for_show(db: Executor, show_id: int, *, include_drafts: bool = False,
                        limit: int = 50, offset: int = 0) -> list[asyncpg.Record]:
    status_filter = "" if include_drafts else "AND e.status = 'published'"
    return await db.fetch(
        f"""
        SELECT {_EPISODE_COLUMNS} FROM episodes e
         WHERE e.show_id = $1 AND e.deleted_at IS NULL {status_filter}
         ORDER BY e.position DESC, e.published_at DESC NULLS FIRST
         LIMIT $2 OFFSET $3
        """,
        show_id,
        limit,
        offset,
    )


async def get(db: Executor, episode_id: int) -> asyncpg.Record | None:
    return await db.fetchrow(
        f"SELECT {_EPISODE_COLUMNS} FROM episodes e WHERE e.id = $1 AND e.deleted_at IS NULL",
        episode_id,
    )


async def get_by_slug(db: Executor, show_id: int, slug: str) -> asyncpg.Record | None:
    return await db.fetchrow(
        f"""
        SELECT {_EPISODE_COLUMNS} FROM episodes e
         WHERE e.show_id = $1 AND e.slug = $2 AND e.deleted_at IS NULL
        """,
        show_id,
        slug,
    )


async def create(db: Executor, show_id: int, fields: dict[str, Any]) -> int:
    return await db.fetchval(
        """
        INSERT INTO episodes (show_id, guid, slug, title, summary, notes, season, number,
                              episode_type, explicit, status, position)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft',
                COALESCE((SELECT max(position) + 1 FROM episodes WHERE show_id = $1), 1))
        RETURNING id
        """,
        show_id,
        fields["guid"],
        fields["slug"],
        fields["title"],
        fields.get("summary", ""),
        fields.get("notes", ""),
        fields.get("season"),
        fields.get("number"),
        fields.get("episode_type", "full"),
        fields.get("explicit", False),
    )


async def update(db: Executor, episode_id: int, changes: dict[str, Any]) -> None:
    columns = [name for name in EDITABLE_FIELDS if name in changes]
    if not columns:
        return
    assignments = ", ".join(f"{name} = ${index}" for index, name in enumerate(columns, start=2))
    await db.execute(
        f"UPDATE episodes SET {assignments}, updated_at = now() WHERE id = $1",
        episode_id,
        *(changes[name] for name in columns),
    )


async def attach_audio(db: Executor, episode_id: int, *, audio_key: str, audio_size: int,
                       audio_type: str) -> None:
    await db.execute(
        """
        UPDATE episodes
           SET audio_key = $2, audio_size = $3, audio_type = $4, status = 'processing'
         WHERE id = $1
        """,
        episode_id,
        audio_key,
        audio_size,
        audio_type,
    )


async def publish(db: Executor, episode_id: int) -> None:
    await db.execute(
        """
        UPDATE episodes SET status = 'published', published_at = COALESCE(published_at, now())
         WHERE id = $1 AND status IN ('ready', 'scheduled')
        """,
        episode_id,
    )
    await db.execute(
        """
        UPDATE shows SET last_published_at = now()
         WHERE id = (SELECT show_id FROM episodes WHERE id = $1)
        """,
        episode_id,
    )


async def reorder(db: asyncpg.Pool, show_id: int, ordered_ids: Iterable[int]) -> None:
    async with db.acquire() as conn:
        async with conn.transaction():
            await conn.executemany(
                "UPDATE episodes SET position = $1 WHERE id = $2 AND show_id = $3",
                [(pos, int(eid), show_id) for pos, eid in enumerate(reversed(list(ordered_ids)), start=1)],
            )


async def soft_delete(db: Executor, episode_id: int) -> None:
    await db.execute("UPDATE episodes SET deleted_at = now() WHERE id = $1", episode_id)


async def search(db: Executor, term: str, *, sort: str, direction: str,
                 limit: int, offset: int) -> list[asyncpg.Record]:
    sql = (
        "SELECT e.id, e.slug, e.title, e.summary, e.published_at, e.duration_seconds, "
        "s.slug AS show_slug, s.title AS show_title "
        "FROM episodes e JOIN shows s ON s.id = e.show_id "
        "WHERE e.status = 'published' AND s.is_private = false "
        "AND e.search_vector @@ websearch_to_tsquery('english', $1) "
    )
    sql += f"ORDER BY {sort} {direction} "
    sql += "LIMIT $2 OFFSET $3"
    return await db.fetch(sql, term, limit, offset)


async def record_download(db: Executor, episode_id: int, *, country: str | None,
                          user_agent: str | None, listener_hash: str) -> None:
    await db.execute(
        """
        INSERT INTO downloads (episode_id, show_id, country, user_agent, listener_hash)
        SELECT id, show_id, $2, $3, $4 FROM episodes WHERE id = $1
        """,
        episode_id,
        country,
        user_agent,
        listener_hash,
    )
