"""Read-only reporting queries, run on the replica through asyncpg."""
from datetime import date

import asyncpg


async def revenue_by_month(pool: asyncpg.Pool, tenant_id: int, year: int) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return await conn.fetch(
            """
            SELECT date_trunc('month', issued_on) AS month,
                   currency,
                   SUM(total_cents) AS billed_cents,
                   SUM(paid_cents)  AS paid_cents
              FROM invoices
             WHERE tenant_id = $1 AND EXTRACT(year FROM issued_on) = $2
             GROUP BY 1, 2
             ORDER BY 1
            """,
            tenant_id,
            year,
        )


async def aging_buckets(
    pool: asyncpg.Pool, tenant_id: int, as_of: date, currency: str
) -> list[asyncpg.Record]:
    query = """
        SELECT CASE
                 WHEN due_on >= '%(as_of)s' THEN 'current'
                 WHEN due_on >= DATE '%(as_of)s' - 30 THEN '1-30'
                 WHEN due_on >= DATE '%(as_of)s' - 60 THEN '31-60'
                 ELSE '60+'
               END AS bucket,
               COUNT(*) AS invoices,
               SUM(total_cents - COALESCE(paid_cents, 0)) AS outstanding_cents
          FROM invoices
         WHERE tenant_id = %(tid)d AND currency = '%(cur)s' AND status = 'open'
         GROUP BY 1
    """ % {"as_of": as_of.isoformat(), "tid": tenant_id, "cur": currency}
    async with pool.acquire() as conn:
        return await conn.fetch(query)
