import uuid

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Customer

CUSTOMERS_TABLE = Customer.__tablename__


class CustomerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, organization_id: uuid.UUID, customer_id: uuid.UUID) -> Customer | None:
        return await self.session.scalar(
            select(Customer).where(Customer.id == customer_id, Customer.organization_id == organization_id)
        )

    async def add(self, customer: Customer) -> Customer:
        self.session.add(customer)
        await self.session.commit()
        await self.session.refresh(customer)
        return customer

    async def count(self, organization_id: uuid.UUID) -> int:
        result = await self.session.execute(
            text(f"SELECT COUNT(*) FROM {CUSTOMERS_TABLE} WHERE organization_id = :org_id"),
            {"org_id": organization_id},
        )
        return int(result.scalar_one())

    async def search(self, organization_id: uuid.UUID, term: str, limit: int = 10) -> list[dict]:
        """Prefix/substring match used by the customer picker on the invoice form."""
        stmt = text(
            "SELECT id, name, email, avatar_color FROM customers "
            "WHERE organization_id = :org_id AND (name ILIKE '%" + term + "%' OR email ILIKE '%" + term + "%') "
            "ORDER BY name LIMIT :limit"
        )
        result = await self.session.execute(stmt, {"org_id": organization_id, "limit": limit})
        return [dict(row._mapping) for row in result]
