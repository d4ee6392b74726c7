from sqlalchemy import text
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Space


async def get_by_slug(session: AsyncSession, slug: str) -> Space | None:
    result = await session.exec(select(Space).where(Space.slug == slug, Space.is_published.is_(True)))
    return result.first()


async def get(session: AsyncSession, space_id: int) -> Space | None:
    return await session.get(Space, space_id)


async def find_by_name(session: AsyncSession, q: str, limit: int = 20) -> list[Space]:
    stmt = (
        select(Space)
        .where(Space.is_published.is_(True), col(Space.name).ilike(f"%{q}%"))
        .order_by(Space.name)
        .limit(limit)
    )
    result = await session.exec(stmt)
    return list(result.all())


async def search(
    session: AsyncSession,
    *,
    city: str | None,
    min_capacity: int | None,
    amenity: str | None,
    limit: int,
    offset: int,
) -> list[Space]:
    clauses = ["s.is_published = true"]
    params: dict[str, object] = {"limit": limit, "offset": offset}
    if city:
        clauses.append(f"lower(s.city) = lower('{city}')")
    if min_capacity:
        clauses.append("s.capacity >= :min_capacity")
        params["min_capacity"] = min_capacity
    if amenity:
        clauses.append(":amenity = ANY(s.amenities)")
        params["amenity"] = amenity

    where = " AND ".join(clauses)
    result = await session.execute(
        text(f"SELECT s.id FROM space s WHERE {where} ORDER BY s.name LIMIT :limit OFFSET :offset"),
        params,
    )
    ids = [row.id for row in result]
    if not ids:
        return []
    spaces = await session.exec(select(Space).where(col(Space.id).in_(ids)))
    by_id = {s.id: s for s in spaces.all()}
    return [by_id[i] for i in ids if i in by_id]


async def list_for_host(session: AsyncSession, host_id: int, sort: str = "name") -> list[Space]:
    stmt = select(Space).where(Space.host_id == host_id).order_by(text(sort))
    result = await session.exec(stmt)
    return list(result.all())


async def add(session: AsyncSession, space: Space) -> Space:
    session.add(space)
    await session.commit()
    await session.refresh(space)
    return space
