from datetime import datetime
from uuid import UUID

from psycopg import sql

from invoicing.repositories.base import BaseRepository

INVOICE_COLUMNS = (
    "id, customer_id, number, status, currency, total_cents, notes, autopay, issued_at, due_at, paid_at"
)

_REVENUE_QUERY = """
    SELECT date_trunc({period}, paid_at) AS bucket,
           currency,
           sum(total_cents) AS total_cents,
           count(*) AS invoice_count
    FROM invoices
    WHERE tenant_id = %(tenant_id)s AND status = 'paid' AND paid_at >= %(since)s
    GROUP BY bucket, currency
    ORDER BY bucket
"""


class InvoiceRepository(BaseRepository):
    table = "invoices"

    async def get_for_tenant(self, tenant_id: UUID, invoice_id: UUID) -> dict | None:
        return await self._fetch_one(
            f"SELECT {INVOICE_COLUMNS} FROM invoices WHERE id = %s AND tenant_id = %s",
            (invoice_id, tenant_id),
        )

    async def get_for_customer(self, customer_id: UUID, invoice_id: UUID) -> dict | None:
        return await self._fetch_one(
            f"SELECT {INVOICE_COLUMNS} FROM invoices "
            "WHERE id = %s AND customer_id = %s AND status <> 'draft'",
            (invoice_id, customer_id),
        )

    async def list_for_tenant(
        self,
        tenant_id: UUID,
        status: str | None,
        sort: str,
        direction: str,
        limit: int,
        offset: int,
    ) -> list[dict]:
        params: dict = {"tenant_id": tenant_id, "limit": limit, "offset": offset}
        where = "tenant_id = %(tenant_id)s"
        if status:
            where += " AND status = %(status)s"
            params["status"] = status
        query = f"SELECT {INVOICE_COLUMNS} FROM invoices WHERE {where} ORDER BY {sort} {direction} LIMIT %(limit)s OFFSET %(offset)s"
        return await self._fetch_all(query, params)

    async def list_for_customer(self, customer_id: UUID) -> list[dict]:
        return await self._fetch_all(
            f"SELECT {INVOICE_COLUMNS} FROM invoices "
            "WHERE customer_id = %s AND status <> 'draft' ORDER BY issued_at DESC",
            (customer_id,),
        )

    async def lines(self, invoice_id: UUID) -> list[dict]:
        return await self._fetch_all(
            "SELECT description, quantity, unit_cents FROM invoice_lines WHERE invoice_id = %s ORDER BY id",
            (invoice_id,),
        )

    async def create(self, tenant_id: UUID, data: dict, lines: list[dict]) -> dict:
        async with self._pool.connection() as conn:
            async with conn.transaction(), conn.cursor() as cur:
                await cur.execute(
                    "INSERT INTO invoices (tenant_id, customer_id, number, currency, total_cents, notes, due_at) "
                    "VALUES (%(tenant_id)s, %(customer_id)s, %(number)s, %(currency)s, %(total_cents)s, "
                    "%(notes)s, %(due_at)s) RETURNING id",
                    {"tenant_id": tenant_id, **data},
                )
                invoice = await cur.fetchone()
                await cur.executemany(
                    "INSERT INTO invoice_lines (invoice_id, description, quantity, unit_cents) "
                    "VALUES (%s, %s, %s, %s)",
                    [(invoice["id"], ln["description"], ln["quantity"], ln["unit_cents"]) for ln in lines],
                )
                return invoice

    async def mark_issued(self, invoice_id: UUID) -> None:
        await self._execute(
            "UPDATE invoices SET status = 'open', issued_at = now() WHERE id = %s AND status = 'draft'",
            (invoice_id,),
        )

    async def mark_paid(self, invoice_id: UUID) -> None:
        await self._execute(
            "UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = %s", (invoice_id,)
        )

    async def set_autopay(self, customer_id: UUID, invoice_id: UUID, enabled: bool) -> bool:
        updated = await self._execute(
            "UPDATE invoices SET autopay = %s WHERE id = %s AND customer_id = %s",
            (enabled, invoice_id, customer_id),
        )
        return updated > 0

    async def next_number(self, tenant_id: UUID) -> str:
        row = await self._fetch_one(
            "SELECT count(*) + 1 AS n FROM invoices WHERE tenant_id = %s", (tenant_id,)
        )
        return f"INV-{row['n']:06d}"

    async def revenue(self, tenant_id: UUID, period: str, since: datetime) -> list[dict]:
        query = sql.SQL(_REVENUE_QUERY).format(period=sql.SQL("'{}'".format(period)))
        return await self._fetch_all(query, {"tenant_id": tenant_id, "since": since})

    async def aging(self, tenant_id: UUID) -> list[dict]:
        return await self._fetch_all(
            """
            SELECT customer_id,
                   sum(total_cents) FILTER (WHERE due_at >= now()) AS current_cents,
                   sum(total_cents) FILTER (WHERE due_at < now() AND due_at >= now() - interval '30 days')
                       AS overdue_30_cents,
                   sum(total_cents) FILTER (WHERE due_at < now() - interval '30 days') AS overdue_90_cents
            FROM invoices
            WHERE tenant_id = %s AND status = 'open'
            GROUP BY customer_id
            """,
            (tenant_id,),
        )
