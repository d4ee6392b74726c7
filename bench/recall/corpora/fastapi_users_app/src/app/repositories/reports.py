import uuid
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import apply_statement_timeout

REVENUE_SQL = """
    SELECT date_trunc('{period}', i.issued_on)::date AS bucket,
           i.currency,
           SUM(i.total) AS invoiced,
           SUM(CASE WHEN i.status = 'paid' THEN i.total ELSE 0 END) AS collected
    FROM invoices i
    WHERE i.organization_id = :org_id
      AND i.status <> 'void'
      AND i.issued_on BETWEEN :start AND :end
    GROUP BY bucket, i.currency
    ORDER BY bucket
"""

AGING_SQL = """
    SELECT CASE
             WHEN CURRENT_DATE - i.due_on <= 0 THEN 'current'
             WHEN CURRENT_DATE - i.due_on <= 30 THEN '1-30'
             WHEN CURRENT_DATE - i.due_on <= 60 THEN '31-60'
             WHEN CURRENT_DATE - i.due_on <= 90 THEN '61-90'
             ELSE '90+'
           END AS bucket,
           i.currency,
           COUNT(*) AS invoices,
           SUM(i.total) AS outstanding
    FROM invoices i
    WHERE i.organization_id = :org_id AND i.status = 'sent'
    GROUP BY bucket, i.currency
"""

TOP_CUSTOMERS_SQL = """
    SELECT c.id, c.name,
           COUNT(i.id) AS invoices,
           COALESCE(SUM(i.total), 0) AS revenue,
           MAX(i.issued_on) AS last_invoice
    FROM customers c
    LEFT JOIN invoices i ON i.customer_id = c.id AND i.status IN ('sent', 'paid')
    WHERE c.organization_id = :org_id
    GROUP BY c.id, c.name
"""

EXPORT_SQL = """
    SELECT i.number, i.status, i.issued_on, i.due_on, c.name AS customer, c.vat_number,
           i.currency, i.subtotal, i.tax_total, i.total, i.paid_at
    FROM invoices i
    JOIN customers c ON c.id = i.customer_id
    WHERE i.organization_id = :org_id AND i.issued_on BETWEEN :start AND :end
    ORDER BY i.issued_on, i.number
"""

METRICS_SQL = """
    SELECT status, COUNT(*) AS n FROM invoices GROUP BY status
"""


class ReportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def revenue_by_period(self, organization_id: uuid.UUID, period: str, start: date, end: date) -> list[dict]:
        await apply_statement_timeout(self.session)
        stmt = text(REVENUE_SQL.format(period=period))
        result = await self.session.execute(stmt, {"org_id": organization_id, "start": start, "end": end})
        return [dict(row._mapping) for row in result]

    async def receivables_aging(self, organization_id: uuid.UUID) -> list[dict]:
        result = await self.session.execute(text(AGING_SQL), {"org_id": organization_id})
        return [dict(row._mapping) for row in result]

    async def top_customers(self, organization_id: uuid.UUID, order_by: str, direction: str, limit: int) -> list[dict]:
        await apply_statement_timeout(self.session)
        order_clause = f" ORDER BY {order_by} {direction} NULLS LAST"
        result = await self.session.execute(text(TOP_CUSTOMERS_SQL + order_clause + " LIMIT :limit"), {"org_id": organization_id, "limit": limit})
        return [dict(row._mapping) for row in result]

    async def export_rows(self, organization_id: uuid.UUID, start: date, end: date) -> list[dict]:
        result = await self.session.execute(text(EXPORT_SQL), {"org_id": organization_id, "start": start, "end": end})
        return [dict(row._mapping) for row in result]

    async def invoice_status_counts(self) -> dict[str, int]:
        result = await self.session.execute(text(METRICS_SQL))
        return {row.status: row.n for row in result}
