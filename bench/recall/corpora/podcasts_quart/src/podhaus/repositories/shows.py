from __future__ import annotations

from datetime import datetime

import asyncpg

Executor = asyncpg.Pool | asyncpg.Connection

_ORDERINGS = {
    "newest": "s.created_at DESC",
    "updated": "s.last_published_at DESC NULLS LAST",
    "title": "s.title ASC",
    "popular": "s.subscriber_count DESC",
}

_SHOW_COLUMNS = """
    s.id, s.slug, s.title, s.author, s.description, s.language, s.category,
    s.artwork_key, s.explicit, s.owner_id, s.is_private, s.footer_template,
    s.subscriber_count, s.created_at, s.last_published_at
"""


async def list_public(db: Executor, *, order: str, limit: int, offset: int) -> list[asyncpg.Record]:
    order_sql = _ORDERINGS.get(order, _ORDERINGS["newest"])
    query = (
        f"SELECT {_SHOW_COLUMNS} FROM shows s "
        f"WHERE s.is_private = false AND s.deleted_at IS NULL "
        f"ORDER BY {order_sql} LIMIT $1 OFFSET $2"
    )
    return await db.fetch(query, limit, offset)


async def search_titles(db: Executor, term: str, limit: int = 8) -> list[asyncpg.Record]:
    return await db.fetch(
        """
        SELECT id, slug, title FROM shows
         WHERE deleted_at IS NULL AND is_private = false AND title ILIKE '%' || $1 || '%'
         ORDER BY subscriber_count DESC LIMIT $2
        """,
        term,
        limit,
    )


async def get_by_slug(db: Executor, slug: str) -> asyncpg.Record | None:
    return await db.fetchrow(
        f"SELECT {_SHOW_COLUMNS} FROM shows s WHERE s.slug = $1 AND s.deleted_at IS NULL", slug
    )


async def get_by_id(db: Executor, show_id: int) -> asyncpg.Record | None:
    return await db.fetchrow(
        f"SELECT {_SHOW_COLUMNS} FROM shows s WHERE s.id = $1 AND s.deleted_at IS NULL", show_id
    )


async def for_member(db: Executor, user_id: int) -> list[asyncpg.Record]:
    return await db.fetch(
        f"""
        SELECT {_SHOW_COLUMNS}, m.role AS member_role
          FROM shows s JOIN show_members m ON m.show_id = s.id
         WHERE m.user_id = $1 AND s.deleted_at IS NULL
         ORDER BY s.title
        """,
        user_id,
    )


async def member_role(db: Executor, show_id: int, user_id: int) -> str | None:
    return await db.fetchval(
        "SELECT role FROM show_members WHERE show_id = $1 AND user_id = $2", show_id, user_id
    )


async def create(db: Executor, *, owner_id: int, slug: str, title: str, author: str,
                 description: str, language: str, category: str, explicit: bool) -> int:
    async with db.acquire() if isinstance(db, asyncpg.Pool) else _noop(db) as conn:
        async with conn.transaction():
            show_id = await conn.fetchval(
                """
                INSERT INTO shows (owner_id, slug, title, author, description, language, category, explicit)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                RETURNING id
                """,
                owner_id, slug, title, author, description, language, category, explicit,
            )
            await conn.execute(
                "INSERT INTO show_members (show_id, user_id, role) VALUES ($1, $2, 'owner')",
                show_id,
                owner_id,
            )
    return show_id


class _noop:
    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    async def __aenter__(self) -> asyncpg.Connection:
        return self.conn

    async def __aexit__(self, *exc: object) -> None:
        return None


async def update_details(db: Executor, show_id: int, *, title: str, author: str, description: str,
                         category: str, explicit: bool, footer_template: str | None) -> None:
    await db.execute(
        """
        UPDATE shows
           SET title = $2, author = $3, description = $4, category = $5,
               explicit = $6, footer_template = $7, updated_at = now()
         WHERE id = $1
        """,
        show_id, title, author, description, category, explicit, footer_template,
    )


async def set_artwork(db: Executor, show_id: int, artwork_key: str) -> None:
    await db.execute("UPDATE shows SET artwork_key = $2 WHERE id = $1", show_id, artwork_key)


async def soft_delete(db: Executor, show_id: int) -> None:
    await db.execute("UPDATE shows SET deleted_at = now() WHERE id = $1", show_id)


# -- private (subscriber-only) feeds ----------------------------------------

async def set_private_feed_token(db: Executor, show_id: int, subscriber_id: int, token: str) -> None:
    await db.execute(
        """
        INSERT INTO private_feed_tokens (show_id, subscriber_id, token)
        VALUES ($1, $2, $3)
        ON CONFLICT (show_id, subscriber_id) DO UPDATE SET token = EXCLUDED.token, rotated_at = now()
        """,
        show_id,
        subscriber_id,
        token,
    )


async def show_for_private_token(db: Executor, slug: str, token: str) -> asyncpg.Record | None:
    return await db.fetchrow(
        f"""
        SELECT {_SHOW_COLUMNS} FROM shows s
          JOIN private_feed_tokens t ON t.show_id = s.id
         WHERE s.slug = $1 AND t.token = $2 AND t.revoked_at IS NULL
        """,
        slug,
        token,
    )


# -- invites -------------------------------------------------------------

async def create_invite(db: Executor, *, show_id: int, email: str, role: str, code: str,
                        invited_by: int, expires_at: datetime) -> int:
    return await db.fetchval(
        """
        INSERT INTO show_invites (show_id, email, role, code, invited_by, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        RETURNING id
        """,
        show_id, email, role, code, invited_by, expires_at,
    )


async def accept_invite(db: Executor, code: str, user_id: int) -> int | None:
    async with db.acquire() if isinstance(db, asyncpg.Pool) else _noop(db) as conn:
        async with conn.transaction():
            invite = await conn.fetchrow(
                """
                UPDATE show_invites SET accepted_at = now(), accepted_by = $2
                 WHERE code = $1 AND accepted_at IS NULL AND expires_at > now()
                RETURNING show_id, role
                """,
                code,
                user_id,
            )
            if invite is None:
                return None
            await conn.execute(
                """
                INSERT INTO show_members (show_id, user_id, role) VALUES ($1, $2, $3)
                ON CONFLICT (show_id, user_id) DO UPDATE SET role = EXCLUDED.role
                """,
                invite["show_id"],
                user_id,
                invite["role"],
            )
            return invite["show_id"]
