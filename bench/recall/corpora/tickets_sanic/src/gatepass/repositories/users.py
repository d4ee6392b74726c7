from __future__ import annotations

from datetime import datetime

import asyncpg

from gatepass.repositories.base import Repository


class UserRepository(Repository):
    table = "users"
    columns = (
        "id", "email", "full_name", "phone", "role", "password_hash",
        "session_version", "email_verified_at", "marketing_opt_in", "created_at",
    )
    updatable = frozenset({"full_name", "phone", "marketing_opt_in", "email_verified_at"})

    async def get_by_email(self, email: str) -> asyncpg.Record | None:
        return await self.db.fetchrow(
            f"SELECT {self.select_list} FROM users WHERE lower(email) = lower($1)", email
        )

    async def create(self, *, email: str, full_name: str, password_hash: str, role: str = "customer") -> asyncpg.Record:
        return await self.db.fetchrow(
            f"INSERT INTO users (email, full_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING {self.select_list}",
            email,
            full_name,
            password_hash,
            role,
        )

    async def set_password(self, user_id: int, password_hash: str) -> None:
        await self.db.execute(
            "UPDATE users SET password_hash = $2, session_version = session_version + 1, updated_at = now() "
            "WHERE id = $1",
            user_id,
            password_hash,
        )

    async def bump_session_version(self, user_id: int) -> None:
        await self.db.execute("UPDATE users SET session_version = session_version + 1 WHERE id = $1", user_id)

    # --- email verification -------------------------------------------------

    async def save_verification_code(self, user_id: int, code: str, expires_at: datetime) -> None:
        await self.db.execute(
            "INSERT INTO email_verifications (user_id, code, expires_at) VALUES ($1, $2, $3) "
            "ON CONFLICT (user_id) DO UPDATE SET code = EXCLUDED.code, expires_at = EXCLUDED.expires_at, attempts = 0",
            user_id,
            code,
            expires_at,
        )

    async def get_verification(self, user_id: int) -> asyncpg.Record | None:
        return await self.db.fetchrow(
            "UPDATE email_verifications SET attempts = attempts + 1 "
            "WHERE user_id = $1 AND expires_at > now() RETURNING code, attempts",
            user_id,
        )

    async def mark_verified(self, user_id: int) -> None:
        await self.db.execute("UPDATE users SET email_verified_at = now() WHERE id = $1", user_id)
        await self.db.execute("DELETE FROM email_verifications WHERE user_id = $1", user_id)

    # --- refresh tokens -----------------------------------------------------

    async def store_refresh_token(self, user_id: int, digest: str, expires_at: datetime) -> None:
        await self.db.execute(
            "INSERT INTO refresh_tokens (user_id, token_digest, expires_at) VALUES ($1, $2, $3)",
            user_id,
            digest,
            expires_at,
        )

    async def consume_refresh_token(self, digest: str) -> asyncpg.Record | None:
        """Single use: the row is deleted as it is read."""
        return await self.db.fetchrow(
            "DELETE FROM refresh_tokens WHERE token_digest = $1 AND expires_at > now() RETURNING user_id",
            digest,
        )

    async def revoke_refresh_tokens(self, user_id: int) -> None:
        await self.db.execute("DELETE FROM refresh_tokens WHERE user_id = $1", user_id)
