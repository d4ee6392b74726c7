import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Invoice

LIST_SQL = """
    SELECT i.id
    FROM invoices i
    JOIN customers c ON c.id = i.customer_id
"""

# Public sort keys -> SQL expressions. Anything else falls back to the issue date.
SORT_COLUMNS = {
    "number": "i.number",
    "issued": "i.issued_on",
    "due": "i.due_on",
    "total": "i.total",
    "customer": "c.name",
    "status": "i.status",
}


@dataclass
class InvoiceFilter:
    status: str | None = None
    customer_id: uuid.UUID | None = None
    issued_from: date | None = None
    issued_to: date | None = None
    number_prefix: str | None = None


class InvoiceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, organization_id: uuid.UUID, invoice_id: uuid.UUID) -> Invoice | None:
        return await self.session.scalar(
            select(Invoice).where(Invoice.id == invoice_id, Invoice.organization_id == organization_id)
        )

    async def get_by_id(self, invoice_id: uuid.UUID) -> Invoice | None:
        return await self.session.get(Invoice, invoice_id)

    async def next_number(self, organization_id: uuid.UUID, prefix: str, year: int) -> str:
        count = await self.session.scalar(
            select(func.count(Invoice.id)).where(
                Invoice.organization_id == organization_id,
                func.extract("year", Invoice.issued_on) == year,
            )
        )
        return f"{prefix}-{year}-{(count or 0) + 1:04d}"

    async def search_ids(
        self,
        organization_id: uuid.UUID,
        filters: InvoiceFilter,
        *,
        sort: str = "issued",
        descending: bool = True,
        limit: int = 25,
        offset: int = 0,
    ) -> tuple[list[uuid.UUID], int]:
        clauses = ["i.organization_id = :org_id"]
        params: dict = {"org_id": organization_id, "limit": limit, "offset": offset}

        if filters.status:
            clauses.append("i.status = :status")
            params["status"] = filters.status
        if filters.customer_id:
            clauses.append("i.customer_id = :customer_id")
            params["customer_id"] = filters.customer_id
        if filters.issued_from:
            clauses.append("i.issued_on >= :issued_from")
            params["issued_from"] = filters.issued_from
        if filters.issued_to:
            clauses.append("i.issued_on <= :issued_to")
            params["issued_to"] = filters.issued_to
        if filters.number_prefix:
            clauses.append("i.number LIKE :number_prefix")
            params["number_prefix"] = filters.number_prefix.replace("%", r"\%").replace("_", r"\_") + "%"

        where = " AND ".join(clauses)
        column = SORT_COLUMNS.get(sort, "i.issued_on")
        direction = "DESC" if descending else "ASC"

        rows = await self.session.execute(
            text(f"{LIST_SQL} WHERE {where} ORDER BY {column} {direction}, i.id LIMIT :limit OFFSET :offset"),
            params,
        )
        total = await self.session.scalar(text(f"SELECT COUNT(*) FROM invoices i WHERE {where}"), params)
        return [row.id for row in rows], int(total or 0)

    async def load_many(self, ids: list[uuid.UUID]) -> list[Invoice]:
        if not ids:
            return []
        result = await self.session.scalars(select(Invoice).where(Invoice.id.in_(ids)))
        by_id = {invoice.id: invoice for invoice in result}
        return [by_id[i] for i in ids if i in by_id]
