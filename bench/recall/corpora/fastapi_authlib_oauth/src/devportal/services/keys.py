"""Issuing, revoking and authenticating API keys."""

import hmac
from datetime import UTC, datetime

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from devportal.models import ApiKey
from devportal.repositories import api_keys as api_keys_repo
from devportal.schemas import ApiKeyCreated, ApiKeyOut
from devportal.security.keys import generate_api_key, hash_api_key, split_prefix

log = structlog.get_logger(__name__)


async def issue_key(
    session: AsyncSession,
    *,
    org_id: int,
    created_by: int | None,
    label: str,
    description: str,
    scopes: list[str],
) -> ApiKeyCreated:
    generated = generate_api_key()
    key = await api_keys_repo.create(
        session,
        org_id=org_id,
        created_by=created_by,
        label=label.strip(),
        description=description.strip(),
        prefix=generated.prefix,
        key_hash=generated.key_hash,
        scopes=sorted(set(scopes)),
    )
    await session.commit()
    await session.refresh(key)
    log.info("api_key.issued", org_id=org_id, key_id=key.id, created_by=created_by, api_key=generated.raw)
    return ApiKeyCreated(**ApiKeyOut.model_validate(key).model_dump(), key=generated.raw)


async def revoke_key(session: AsyncSession, org_id: int, key_id: int, *, actor: str) -> bool:
    key = await api_keys_repo.get_for_org(session, org_id, key_id)
    if key is None or key.revoked_at is not None:
        return False
    key.revoked_at = datetime.now(UTC)
    await session.commit()
    log.info("api_key.revoked", org_id=org_id, key_id=key.id, prefix=key.prefix, actor=actor)
    return True


async def authenticate(session: AsyncSession, raw_key: str) -> ApiKey | None:
    prefix = split_prefix(raw_key)
    if prefix is None:
        return None
    key = await api_keys_repo.get_by_prefix(session, prefix)
    if key is None or not key.is_active:
        return None
    if not hmac.compare_digest(key.key_hash, hash_api_key(raw_key)):
        return None
    await api_keys_repo.touch(session, key.id)
    return key
