from uuid import UUID

from invoicing.repositories.base import BaseRepository


class UserRepository(BaseRepository):
    table = "users"

    async def get_by_email(self, email: str) -> dict | None:
        return await self._fetch_one(
            "SELECT id, tenant_id, email, full_name, password_hash, role, is_active "
            "FROM users WHERE email = %s",
            (email,),
        )

    async def create_with_tenant(
        self, tenant_name: str, email: str, full_name: str, password_hash: str
    ) -> dict:
        async with self._pool.connection() as conn:
            async with conn.transaction(), conn.cursor() as cur:
                await cur.execute(
                    "INSERT INTO tenants (name) VALUES (%s) RETURNING id", (tenant_name,)
                )
                tenant = await cur.fetchone()
                await cur.execute(
                    "INSERT INTO users (tenant_id, email, full_name, password_hash, role) "
                    "VALUES (%s, %s, %s, %s, 'owner') "
                    "RETURNING id, tenant_id, email, full_name, role",
                    (tenant["id"], email, full_name, password_hash),
                )
                return await cur.fetchone()

    async def create(
        self, tenant_id: UUID, email: str, full_name: str, password_hash: str, role: str
    ) -> dict:
        return await self._fetch_one(
            "INSERT INTO users (tenant_id, email, full_name, password_hash, role) "
            "VALUES (%s, %s, %s, %s, %s) RETURNING id, tenant_id, email, full_name, role",
            (tenant_id, email, full_name, password_hash, role),
        )

    async def set_password_hash(self, email: str, password_hash: str) -> bool:
        updated = await self._execute(
            "UPDATE users SET password_hash = %s WHERE email = %s", (password_hash, email)
        )
        return updated > 0
