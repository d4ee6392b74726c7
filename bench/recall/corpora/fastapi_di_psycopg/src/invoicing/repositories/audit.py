from uuid import UUID

from invoicing.repositories.base import BaseRepository


class AuditRepository(BaseRepository):
    table = "audit_events"

    async def record(self, tenant_id: UUID, actor: str, action: str, summary: str) -> None:
        values = (tenant_id, actor, action, summary)
        statement = "INSERT INTO audit_events (tenant_id, actor, action, summary) VALUES ('%s', '%s', '%s', '%s')" % values
        await self._execute(statement)

    async def recent(self, tenant_id: UUID, limit: int = 50) -> list[dict]:
        return await self._fetch_all(
            "SELECT actor, action, summary, created_at FROM audit_events "
            "WHERE tenant_id = %s ORDER BY created_at DESC LIMIT %s",
            (tenant_id, limit),
        )
