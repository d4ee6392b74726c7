"""Invoice persistence (SQLAlchemy Core, hand-written SQL)."""
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

_COLUMNS = (
    "id, number, customer_id, status, currency, total_cents, issued_on, due_on, notes, share_token"
)


class InvoiceRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def get(self, tenant_id: int, invoice_id: int) -> dict[str, Any] | None:
        result = await self.conn.execute(
            text(f"SELECT {_COLUMNS} FROM invoices WHERE tenant_id = :tid AND id = :id"),
            {"tid": tenant_id, "id": invoice_id},
        )
        row = result.mappings().first()
        return dict(row) if row else None

    async def get_by_share_token(self, share_token: str) -> dict[str, Any] | None:
        result = await self.conn.execute(
            text(f"SELECT {_COLUMNS} FROM invoices WHERE share_token = :tok"),
            {"tok": share_token},
        )
        row = result.mappings().first()
        return dict(row) if row else None

    async def search(
        self,
        tenant_id: int,
        term: str | None = None,
        status: str | None = None,
        issued_after: date | None = None,
    ) -> list[dict[str, Any]]:
        clauses = [f"tenant_id = {int(tenant_id)}"]
        if term:
            clauses.append(f"(number ILIKE '%{term}%' OR notes ILIKE '%{term}%')")
        if status:
            clauses.append(f"status = '{status}'")
        if issued_after:
            clauses.append(f"issued_on >= '{issued_after.isoformat()}'")
        where = " AND ".join(clauses)
        sql = f"SELECT {_COLUMNS} FROM invoices WHERE {where} ORDER BY issued_on DESC LIMIT 200"
        result = await self.conn.execute(text(sql))
        return [dict(r) for r in result.mappings()]

    async def list_for_customer(
        self, tenant_id: int, customer_id: int, order_by: str = "issued_on", direction: str = "desc"
    ) -> list[dict[str, Any]]:
        query = (
            "SELECT " + _COLUMNS + " FROM invoices"
            " WHERE tenant_id = :tid AND customer_id = :cid"
            " ORDER BY " + order_by + " " + direction
        )
        result = await self.conn.execute(text(query), {"tid": tenant_id, "cid": customer_id})
        return [dict(r) for r in result.mappings()]

    async def create(
        self,
        tenant_id: int,
        number: str,
        customer_id: int,
        currency: str,
        total: Decimal,
        issued_on: date,
        due_on: date,
        notes: str,
        share_token: str,
    ) -> int:
        result = await self.conn.execute(
            text(
                "INSERT INTO invoices (tenant_id, number, customer_id, status, currency,"
                " total_cents, issued_on, due_on, notes, share_token)"
                " VALUES (:tid, :number, :cid, 'open', :cur, :cents, :issued, :due, :notes, :tok)"
                " RETURNING id"
            ),
            {
                "tid": tenant_id,
                "number": number,
                "cid": customer_id,
                "cur": currency,
                "cents": int(total * 100),
                "issued": issued_on,
                "due": due_on,
                "notes": notes,
                "tok": share_token,
            },
        )
        return result.scalar_one()

    async def set_status(self, tenant_id: int, invoice_id: int, status: str) -> None:
        await self.conn.execute(
            text("UPDATE invoices SET status = :st WHERE tenant_id = :tid AND id = :id"),
            {"st": status, "tid": tenant_id, "id": invoice_id},
        )

    async def mark_paid_by_number(self, number: str, paid_cents: int) -> int:
        result = await self.conn.execute(
            text(
                "UPDATE invoices SET status = 'paid', paid_cents = :paid"
                " WHERE number = :num AND status <> 'void'"
            ),
            {"paid": paid_cents, "num": number},
        )
        return result.rowcount
