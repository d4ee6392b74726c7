"""Persistence for API keys."""

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from devportal.models import ApiKey

_SORT_COLUMNS = {"created": "created_at", "label": "label", "last_used": "last_used_at"}


async def create(session: AsyncSession, **fields: object) -> ApiKey:
    key = ApiKey(**fields)
    session.add(key)
    await session.flush()
    return key


async def get(session: AsyncSession, key_id: int) -> ApiKey | None:
    return await session.get(ApiKey, key_id)


async def get_for_org(session: AsyncSession, org_id: int, key_id: int) -> ApiKey | None:
    return await session.scalar(select(ApiKey).where(ApiKey.id == key_id, ApiKey.org_id == org_id))


async def get_by_prefix(session: AsyncSession, prefix: str) -> ApiKey | None:
    return await session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))


async def ids_for_org(session: AsyncSession, org_id: int) -> list[int]:
    return list((await session.scalars(select(ApiKey.id).where(ApiKey.org_id == org_id))).all())


async def list_for_org(
    session: AsyncSession,
    org_id: int,
    *,
    sort: str = "created",
    order: str = "desc",
    include_revoked: bool = False,
) -> list[ApiKey]:
    column = _SORT_COLUMNS.get(sort, "created_at")
    direction = "ASC" if order.lower() == "asc" else "DESC"
    stmt = select(ApiKey).where(ApiKey.org_id == org_id)
    if not include_revoked:
        stmt = stmt.where(ApiKey.revoked_at.is_(None))
    stmt = stmt.order_by(text(f"{column} {direction} NULLS LAST"))
    return list((await session.scalars(stmt)).all())


async def label_exists(session: AsyncSession, org_id: int, label: str) -> bool:
    stmt = (
        select(func.count())
        .select_from(ApiKey)
        .where(ApiKey.org_id == org_id, func.lower(ApiKey.label) == label.lower(), ApiKey.revoked_at.is_(None))
    )
    return bool(await session.scalar(stmt))


async def search_by_label(session: AsyncSession, org_id: int, term: str) -> list[ApiKey]:
    stmt = text("SELECT id FROM api_keys WHERE org_id = :org_id AND label ILIKE '%" + term + "%' LIMIT 20")
    ids = (await session.execute(stmt, {"org_id": org_id})).scalars().all()
    if not ids:
        return []
    result = await session.scalars(select(ApiKey).where(ApiKey.id.in_(ids)).order_by(ApiKey.created_at.desc()))
    return list(result.all())


async def touch(session: AsyncSession, key_id: int) -> None:
    await session.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=func.now()))
    await session.commit()
