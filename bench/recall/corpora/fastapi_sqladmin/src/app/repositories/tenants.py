from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Tenant


async def get(session: AsyncSession, tenant_id: int) -> Tenant | None:
    return await session.get(Tenant, tenant_id)


async def create(session: AsyncSession, **fields) -> Tenant:
    tenant = Tenant(**fields)
    session.add(tenant)
    await session.commit()
    await session.refresh(tenant)
    return tenant


async def directory_for_property(session: AsyncSession, property_id: int, order_by: str) -> list[dict]:
    query = text(
        "SELECT t.id, t.full_name, t.email, u.label AS unit, l.status AS lease_status "
        "FROM tenants t "
        "LEFT JOIN leases l ON l.tenant_id = t.id "
        "LEFT JOIN units u ON u.id = l.unit_id "
        "WHERE t.property_id = :property_id "
        f"ORDER BY {order_by}"
    )
    result = await session.execute(query, {"property_id": property_id})
    return [dict(row) for row in result.mappings()]


async def find_by_email(session: AsyncSession, email: str) -> Tenant | None:
    result = await session.execute(select(Tenant).where(Tenant.email == email))
    return result.scalars().first()
