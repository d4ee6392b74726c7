"""Customer and customer-portal account persistence."""
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

SORTABLE = {
    "name": "c.name",
    "created": "c.created_at",
    "balance": "open_balance_cents",
}


class CustomerRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def list(self, tenant_id: int, sort: str = "name", descending: bool = False) -> list[dict]:
        column = SORTABLE.get(sort, "c.name")
        direction = "DESC" if descending else "ASC"
        sql = f"""
            SELECT c.id, c.name, c.email, c.created_at,
                   COALESCE(SUM(i.total_cents) FILTER (WHERE i.status = 'open'), 0) AS open_balance_cents
              FROM customers c
              LEFT JOIN invoices i ON i.customer_id = c.id
             WHERE c.tenant_id = :tid
             GROUP BY c.id
             ORDER BY {column} {direction}
        """
        result = await self.conn.execute(text(sql), {"tid": tenant_id})
        return [dict(r) for r in result.mappings()]

    async def get(self, tenant_id: int, customer_id: int) -> dict[str, Any] | None:
        result = await self.conn.execute(
            text("SELECT id, name, email, vat_id, address FROM customers WHERE tenant_id = :tid AND id = :id"),
            {"tid": tenant_id, "id": customer_id},
        )
        row = result.mappings().first()
        return dict(row) if row else None

    async def update(self, tenant_id: int, customer_id: int, fields: dict[str, Any]) -> None:
        allowed = {k: v for k, v in fields.items() if k in {"name", "email", "vat_id", "address"}}
        if not allowed:
            return
        assignments = ", ".join(f"{k} = :{k}" for k in allowed)
        await self.conn.execute(
            text(f"UPDATE customers SET {assignments} WHERE tenant_id = :tid AND id = :id"),
            {**allowed, "tid": tenant_id, "id": customer_id},
        )


class PortalAccountRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def find_by_email(self, email: str) -> dict[str, Any] | None:
        result = await self.conn.execute(
            text("SELECT id, customer_id, email, password_hash FROM portal_accounts WHERE email = :e"),
            {"e": email.lower()},
        )
        row = result.mappings().first()
        return dict(row) if row else None

    async def create(self, customer_id: int, email: str, password_hash: str) -> int:
        result = await self.conn.execute(
            text(
                "INSERT INTO portal_accounts (customer_id, email, password_hash)"
                " VALUES (:cid, :e, :ph) RETURNING id"
            ),
            {"cid": customer_id, "e": email.lower(), "ph": password_hash},
        )
        return result.scalar_one()

    async def set_password_hash(self, account_id: int, password_hash: str) -> None:
        await self.conn.execute(
            text("UPDATE portal_accounts SET password_hash = :ph WHERE id = :id"),
            {"ph": password_hash, "id": account_id},
        )

    async def store_reset_code(self, account_id: int, code: str) -> None:
        await self.conn.execute(
            text(
                "INSERT INTO portal_resets (account_id, code, expires_at)"
                " VALUES (:id, :code, now() + interval '30 minutes')"
            ),
            {"id": account_id, "code": code},
        )
