import logging
import secrets

from sqlmodel import select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.security import hash_token
from app.db.session import async_session_factory
from app.models import ApiKey
from app.utils.timeutil import utcnow

logger = logging.getLogger(__name__)

KEY_PREFIX = "plk_"
DISPLAY_PREFIX_LEN = 12


def generate_api_key() -> tuple[str, str]:
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    return raw, raw[:DISPLAY_PREFIX_LEN]


async def create_api_key(
    session: AsyncSession, project_id: int, name: str, created_by_id: int | None
) -> tuple[ApiKey, str]:
    raw, prefix = generate_api_key()
    key = ApiKey(
        project_id=project_id,
        name=name,
        prefix=prefix,
        key_hash=hash_token(raw),
        created_by_id=created_by_id,
    )
    session.add(key)
    await session.commit()
    await session.refresh(key)
    logger.info("created api key %s for project %s", key.prefix, project_id)
    return key, raw


async def lookup(session: AsyncSession, raw_key: str) -> ApiKey | None:
    if not raw_key.startswith(KEY_PREFIX):
        return None
    stmt = select(ApiKey).where(
        ApiKey.key_hash == hash_token(raw_key), ApiKey.revoked_at.is_(None)
    )
    result = await session.exec(stmt)
    return result.first()


async def list_keys(session: AsyncSession, project_id: int) -> list[ApiKey]:
    stmt = (
        select(ApiKey)
        .where(ApiKey.project_id == project_id)
        .order_by(ApiKey.created_at.desc())
    )
    result = await session.exec(stmt)
    return list(result.all())


async def revoke(session: AsyncSession, key: ApiKey) -> ApiKey:
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.add(key)
        await session.commit()
        logger.info("revoked api key %s (project %s)", key.prefix, key.project_id)
    return key


async def touch(key_id: int) -> None:
    """Runs as a background task after ingest, so it opens its own session."""
    async with async_session_factory() as session:
        await session.exec(
            update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=utcnow())
        )
        await session.commit()
