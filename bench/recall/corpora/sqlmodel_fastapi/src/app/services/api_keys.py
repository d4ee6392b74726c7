import hashlib
import logging
import secrets

from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import ApiKey
from app.repositories import users as users_repo

logger = logging.getLogger(__name__)

KEY_PREFIX = "cwk_"


def hash_api_key(raw_key: str) -> str:
    # Keys are random, so a plain digest is enough for lookups.
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def generate_api_key() -> str:
    return KEY_PREFIX + secrets.token_hex(20)


async def issue_key(session: AsyncSession, team_id: int) -> tuple[ApiKey, str]:
    raw = generate_api_key()
    record = ApiKey(team_id=team_id, prefix=raw[:8], key_hash=hash_api_key(raw))
    session.add(record)
    await session.commit()
    await session.refresh(record)
    logger.info("issued api key %s... for team %s", record.prefix, team_id)
    return record, raw


async def resolve_key(session: AsyncSession, raw_key: str) -> ApiKey | None:
    if not raw_key.startswith(KEY_PREFIX):
        return None
    return await users_repo.get_api_key_by_hash(session, hash_api_key(raw_key))
