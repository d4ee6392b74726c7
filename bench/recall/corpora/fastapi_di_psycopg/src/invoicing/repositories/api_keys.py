from uuid import UUID

from invoicing.repositories.base import BaseRepository


class ApiKeyRepository(BaseRepository):
    table = "api_keys"

    async def create(
        self, tenant_id: UUID, name: str, prefix: str, key_hash: str, scopes: list[str]
    ) -> dict:
        return await self._fetch_one(
            "INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes) "
            "VALUES (%s, %s, %s, %s, %s) RETURNING id, name, prefix, scopes, created_at",
            (tenant_id, name, prefix, key_hash, scopes),
        )

    async def find_active_by_prefix(self, prefix: str) -> list[dict]:
        return await self._fetch_all(
            "SELECT id, tenant_id, key_hash, scopes FROM api_keys "
            "WHERE prefix = %s AND revoked_at IS NULL",
            (prefix,),
        )

    async def list_for_tenant(self, tenant_id: UUID) -> list[dict]:
        return await self._fetch_all(
            "SELECT id, name, prefix, scopes, last_used_at, revoked_at, created_at "
            "FROM api_keys WHERE tenant_id = %s ORDER BY created_at DESC",
            (tenant_id,),
        )

    async def touch(self, key_id: UUID) -> None:
        await self._execute("UPDATE api_keys SET last_used_at = now() WHERE id = %s", (key_id,))

    async def revoke(self, tenant_id: UUID, key_id: UUID) -> bool:
        updated = await self._execute(
            "UPDATE api_keys SET revoked_at = now() "
            "WHERE id = %s AND tenant_id = %s AND revoked_at IS NULL",
            (key_id, tenant_id),
        )
        return updated > 0
