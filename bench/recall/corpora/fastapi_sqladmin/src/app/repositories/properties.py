from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.models import Property, Unit

SORT_COLUMNS = {
    "name": Property.name,
    "city": Property.city,
    "created": Property.created_at.desc(),
}


async def list_for_owner(
    session: AsyncSession, owner_id: int, search: str | None = None, sort: str = "name"
) -> list[Property]:
    stmt = select(Property).where(Property.owner_id == owner_id)
    if search:
        stmt = stmt.where(Property.name.ilike(f"%{search}%"))
    stmt = stmt.order_by(SORT_COLUMNS.get(sort, Property.name))
    result = await session.execute(stmt)
    return list(result.scalars())


async def get_with_units(session: AsyncSession, property_id: int) -> Property | None:
    stmt = select(Property).options(selectinload(Property.units)).where(Property.id == property_id)
    result = await session.execute(stmt)
    return result.scalar_one_or_none()


async def search_listed_units(session: AsyncSession, term: str) -> list[Unit]:
    stmt = (
        select(Unit)
        .join(Property)
        .where(Unit.is_listed.is_(True))
        .where(Property.city.ilike(f"{term}%") | Property.name.ilike(f"%{term}%"))
        .limit(25)
    )
    result = await session.execute(stmt)
    return list(result.scalars())
