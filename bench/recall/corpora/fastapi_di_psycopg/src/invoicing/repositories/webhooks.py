from uuid import UUID

from psycopg.types.json import Jsonb

from invoicing.repositories.base import BaseRepository


class WebhookRepository(BaseRepository):
    table = "webhook_endpoints"

    async def create_endpoint(
        self, tenant_id: UUID, url: str, signing_secret: str, events: list[str]
    ) -> dict:
        return await self._fetch_one(
            "INSERT INTO webhook_endpoints (tenant_id, url, signing_secret, events) "
            "VALUES (%s, %s, %s, %s) RETURNING id, url, events, signing_secret, created_at",
            (tenant_id, url, signing_secret, events),
        )

    async def endpoints_for_event(self, tenant_id: UUID, event_type: str) -> list[dict]:
        return await self._fetch_all(
            "SELECT id, url, signing_secret FROM webhook_endpoints "
            "WHERE tenant_id = %s AND is_active AND %s = ANY(events)",
            (tenant_id, event_type),
        )

    async def record_delivery(
        self, endpoint_id: UUID, event_type: str, payload: dict, status_code: int | None, attempts: int
    ) -> None:
        await self._execute(
            "INSERT INTO webhook_deliveries (endpoint_id, event_type, payload, status_code, attempts, "
            "delivered_at) VALUES (%s, %s, %s, %s, %s, CASE WHEN %s BETWEEN 200 AND 299 THEN now() END)",
            (endpoint_id, event_type, Jsonb(payload), status_code, attempts, status_code),
        )

    async def record_payment(
        self, invoice_id: UUID, provider_payment_id: str, amount_cents: int, currency: str
    ) -> bool:
        inserted = await self._execute(
            "INSERT INTO payments (invoice_id, provider_payment_id, amount_cents, currency) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT (provider_payment_id) DO NOTHING",
            (invoice_id, provider_payment_id, amount_cents, currency),
        )
        return inserted > 0
