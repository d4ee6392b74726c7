"""Hand-written SQL for reports and search, where the ORM gets in the way."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

# Columns the invoice list may be sorted by, keyed by the public sort name.
INVOICE_SORT_COLUMNS: dict[str, str] = {
    "number": "i.number",
    "issued": "i.issued_at",
    "due": "i.due_date",
    "amount": "i.amount_cents",
    "client": "c.full_name",
}

_REVENUE_SQL = text(
    """
    SELECT date_trunc('month', i.paid_at) AS month,
           i.currency,
           count(*) AS invoices,
           sum(i.amount_cents) AS total_cents
    FROM invoices i
    WHERE i.studio_id = :studio_id
      AND i.status = 'paid'
      AND i.paid_at >= :since
    GROUP BY 1, 2
    ORDER BY 1
    """
)


async def search_clients(session: AsyncSession, studio_id: UUID, term: str) -> list[dict[str, Any]]:
    pattern = f"%{term.strip().lower()}%"
    sql = (
        "SELECT id, full_name, email, phone FROM clients "
        f"WHERE studio_id = :studio_id AND (lower(full_name) LIKE '{pattern}' "
        f"OR lower(email) LIKE '{pattern}') "
        "ORDER BY full_name LIMIT 25"
    )
    result = await session.execute(text(sql), {"studio_id": studio_id})
    return [dict(row) for row in result.mappings()]


async def list_invoices(
    session: AsyncSession,
    studio_id: UUID,
    status: str | None,
    sort: str = "issued",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    column = INVOICE_SORT_COLUMNS.get(sort, "i.issued_at")
    direction = "DESC" if descending else "ASC"
    clauses = ["i.studio_id = :studio_id"]
    params: dict[str, Any] = {"studio_id": studio_id, "limit": limit, "offset": offset}
    if status:
        clauses.append("i.status = :status")
        params["status"] = status
    sql = (
        "SELECT i.id, i.number, i.status, i.amount_cents, i.currency, i.issued_at, i.due_date, "
        "c.full_name AS client_name "
        "FROM invoices i JOIN clients c ON c.id = i.client_id "
        f"WHERE {' AND '.join(clauses)} "
        f"ORDER BY {column} {direction} NULLS LAST "
        "LIMIT :limit OFFSET :offset"
    )
    result = await session.execute(text(sql), params)
    return [dict(row) for row in result.mappings()]


async def monthly_revenue(session: AsyncSession, studio_id: UUID, since: date) -> list[dict[str, Any]]:
    result = await session.execute(_REVENUE_SQL, {"studio_id": studio_id, "since": since})
    return [dict(row) for row in result.mappings()]


async def favorite_counts(session: AsyncSession, gallery_ids: list[UUID]) -> dict[UUID, int]:
    if not gallery_ids:
        return {}
    stmt = text(
        "SELECT gallery_id, count(*) AS n FROM photos "
        "WHERE is_favorite AND gallery_id = ANY(:ids) GROUP BY gallery_id"
    )
    result = await session.execute(stmt, {"ids": gallery_ids})
    return {row.gallery_id: row.n for row in result}
