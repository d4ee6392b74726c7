from uuid import UUID

from psycopg import sql

from invoicing.repositories.base import BaseRepository

SORTABLE_COLUMNS = {"name": "name", "created": "created_at", "email": "billing_email"}


class CustomerRepository(BaseRepository):
    table = "customers"

    async def list_for_tenant(
        self, tenant_id: UUID, sort: str, descending: bool, limit: int, offset: int
    ) -> list[dict]:
        column = SORTABLE_COLUMNS.get(sort, "name")
        query = sql.SQL(
            "SELECT id, name, billing_email, vat_number, created_at FROM customers "
            "WHERE tenant_id = %s ORDER BY {column} {direction} LIMIT %s OFFSET %s"
        ).format(
            column=sql.Identifier(column),
            direction=sql.SQL("DESC" if descending else "ASC"),
        )
        return await self._fetch_all(query, (tenant_id, limit, offset))

    async def get_for_tenant(self, tenant_id: UUID, customer_id: UUID) -> dict | None:
        return await self._fetch_one(
            "SELECT * FROM customers WHERE id = %s AND tenant_id = %s", (customer_id, tenant_id)
        )

    async def create(
        self,
        tenant_id: UUID,
        name: str,
        billing_email: str,
        address_lines: list[str],
        vat_number: str | None,
    ) -> dict:
        return await self._fetch_one(
            "INSERT INTO customers (tenant_id, name, billing_email, address_lines, vat_number) "
            "VALUES (%s, %s, %s, %s, %s) RETURNING *",
            (tenant_id, name, billing_email, address_lines, vat_number),
        )

    async def update_billing_email(self, customer_id: UUID, billing_email: str) -> None:
        await self._execute(
            "UPDATE customers SET billing_email = %s WHERE id = %s", (billing_email, customer_id)
        )


class ContactRepository(BaseRepository):
    table = "customer_contacts"

    async def get_by_email(self, email: str) -> dict | None:
        return await self._fetch_one(
            "SELECT id, customer_id, email, full_name, password_hash "
            "FROM customer_contacts WHERE email = %s",
            (email,),
        )

    async def search(self, customer_id: UUID, term: str) -> list[dict]:
        pattern = f"%{term}%"
        return await self._fetch_all(
            "SELECT id, email, full_name FROM customer_contacts "
            "WHERE customer_id = %s AND (email ILIKE %s OR full_name ILIKE %s) ORDER BY full_name",
            (customer_id, pattern, pattern),
        )

    async def create_invited(
        self, customer_id: UUID, email: str, full_name: str, invite_code: str
    ) -> dict:
        return await self._fetch_one(
            "INSERT INTO customer_contacts (customer_id, email, full_name, invite_code, invited_at) "
            "VALUES (%s, %s, %s, %s, now()) RETURNING id, email, full_name",
            (customer_id, email, full_name, invite_code),
        )

    async def accept_invite(self, invite_code: str, password_hash: str) -> dict | None:
        return await self._fetch_one(
            "UPDATE customer_contacts SET password_hash = %s, invite_code = NULL "
            "WHERE invite_code = %s RETURNING id, customer_id, email",
            (password_hash, invite_code),
        )

    async def set_password_hash(self, contact_id: UUID, password_hash: str) -> None:
        await self._execute(
            "UPDATE customer_contacts SET password_hash = %s WHERE id = %s",
            (password_hash, contact_id),
        )
