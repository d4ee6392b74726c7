from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg

Executor = asyncpg.Pool | asyncpg.Connection

_USER_COLUMNS = "id, email, display_name, role, password_hash, email_verified, created_at, disabled_at"


async def get_by_id(db: Executor, user_id: int) -> asyncpg.Record | None:
    return await db.fetchrow(f"SELECT {_USER_COLUMNS} FROM users WHERE id = $1", user_id)


async def get_by_email(db: Executor, email: str) -> asyncpg.Record | None:
    return await db.fetchrow(
        f"SELECT {_USER_COLUMNS} FROM users WHERE lower(email) = lower($1)", email
    )


async def create(
    db: Executor, *, email: str, display_name: str, password_hash: str, role: str = "podcaster"
) -> int:
    return await db.fetchval(
        """
        INSERT INTO users (email, display_name, password_hash, role)
        VALUES ($1, $2, $3, $4)
        RETURNING id
        """,
        email,
        display_name,
        password_hash,
        role,
    )


async def set_password_hash(db: Executor, user_id: int, password_hash: str) -> None:
    await db.execute(
        "UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1",
        user_id,
        password_hash,
    )


async def update_profile(db: Executor, user_id: int, *, display_name: str, email: str) -> None:
    await db.execute(
        "UPDATE users SET display_name = $2, email = $3 WHERE id = $1",
        user_id,
        display_name,
        email,
    )


async def set_role(db: Executor, user_id: int, role: str) -> None:
    await db.execute("UPDATE users SET role = $2 WHERE id = $1", user_id, role)


async def disable(db: Executor, user_id: int) -> None:
    await db.execute("UPDATE users SET disabled_at = now() WHERE id = $1", user_id)


async def delete(db: Executor, user_id: int) -> None:
    await db.execute("DELETE FROM users WHERE id = $1", user_id)


async def list_page(db: Executor, *, limit: int, offset: int, role: str | None = None) -> list[asyncpg.Record]:
    if role:
        return await db.fetch(
            f"SELECT {_USER_COLUMNS} FROM users WHERE role = $1 ORDER BY id DESC LIMIT $2 OFFSET $3",
            role,
            limit,
            offset,
        )
    return await db.fetch(
        f"SELECT {_USER_COLUMNS} FROM users ORDER BY id DESC LIMIT $1 OFFSET $2", limit, offset
    )


# -- password reset -------------------------------------------------------

async def store_reset_token(db: Executor, user_id: int, token_hash: str, expires_at: datetime) -> None:
    await db.execute(
        """
        INSERT INTO password_resets (user_id, token_hash, expires_at)
        VALUES ($1, $2, $3)
        """,
        user_id,
        token_hash,
        expires_at,
    )


async def consume_reset_token(db: Executor, token_hash: str) -> int | None:
    return await db.fetchval(
        """
        UPDATE password_resets
           SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id
        """,
        token_hash,
    )


# -- API keys -------------------------------------------------------------

async def create_api_key(db: Executor, user_id: int, key_hash: str, label: str) -> int:
    return await db.fetchval(
        "INSERT INTO api_keys (user_id, key_hash, label) VALUES ($1, $2, $3) RETURNING id",
        user_id,
        key_hash,
        label,
    )


async def user_for_api_key(db: Executor, key_hash: str) -> dict[str, Any] | None:
    row = await db.fetchrow(
        """
        SELECT u.id, u.email, u.role
          FROM api_keys k JOIN users u ON u.id = k.user_id
         WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.disabled_at IS NULL
        """,
        key_hash,
    )
    return dict(row) if row else None
