"""Data access for users, invites and password-reset requests."""
from datetime import datetime

import asyncpg


class UserRepository:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def by_id(self, user_id: int):
        return await self.pool.fetchrow(
            "SELECT id, email, display_name, role, is_active FROM users WHERE id = $1",
            user_id,
        )

    async def by_email(self, email: str):
        return await self.pool.fetchrow(
            "SELECT id, email, display_name, role, is_active, password_hash "
            "FROM users WHERE lower(email) = lower($1)",
            email,
        )

    async def create(self, email: str, display_name: str, password_hash: str, role: str):
        return await self.pool.fetchval(
            "INSERT INTO users (email, display_name, password_hash, role) "
            "VALUES ($1, $2, $3, $4) RETURNING id",
            email,
            display_name,
            password_hash,
            role,
        )

    async def set_password_hash(self, user_id: int, password_hash: str) -> None:
        await self.pool.execute(
            "UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1",
            user_id,
            password_hash,
        )

    async def set_email(self, user_id: int, email: str) -> None:
        await self.pool.execute("UPDATE users SET email = $2 WHERE id = $1", user_id, email)

    async def agents_in_team(self, team_id: int):
        return await self.pool.fetch(
            "SELECT u.id, u.display_name, count(t.id) AS open_tickets "
            "FROM users u LEFT JOIN tickets t ON t.assignee_id = u.id AND t.status = 'open' "
            "WHERE u.team_id = $1 AND u.role = 'agent' AND u.is_active "
            "GROUP BY u.id",
            team_id,
        )

    # invites ---------------------------------------------------------------

    async def create_invite(self, code: str, email: str, team_id: int, invited_by: int,
                            expires_at: datetime) -> int:
        return await self.pool.fetchval(
            "INSERT INTO invites (code, email, team_id, invited_by, expires_at) "
            "VALUES ($1, $2, $3, $4, $5) RETURNING id",
            code, email, team_id, invited_by, expires_at,
        )

    async def open_invite(self, code: str):
        return await self.pool.fetchrow(
            "SELECT id, email, team_id FROM invites "
            "WHERE code = $1 AND accepted_at IS NULL AND expires_at > now()",
            code,
        )

    async def mark_invite_used(self, invite_id: int) -> None:
        await self.pool.execute("UPDATE invites SET accepted_at = now() WHERE id = $1", invite_id)

    # password resets ---------------------------------------------------------

    async def store_reset(self, user_id: int, token: str, expires_at: datetime) -> None:
        await self.pool.execute(
            "INSERT INTO password_resets (user_id, token, expires_at) VALUES ($1, $2, $3)",
            user_id, token, expires_at,
        )

    async def consume_reset(self, token: str):
        return await self.pool.fetchval(
            "UPDATE password_resets SET used_at = now() "
            "WHERE token = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id",
            token,
        )

    async def refresh_revoked(self, jti: str) -> bool:
        return bool(await self.pool.fetchval(
            "SELECT 1 FROM revoked_refresh_tokens WHERE jti = $1", jti
        ))
