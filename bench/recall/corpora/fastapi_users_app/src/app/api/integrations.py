import hashlib
import logging
import secrets
import uuid
from datetime import datetime, timezone

from fastapi import APIRouter, Depends, Header, HTTPException, status
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.db import get_async_session
from app.models import ApiKey, User
from app.schemas import AccountantLinkCreate, ApiKeyCreate, ApiKeyCreated, LinkRead
from app.services.links import issue_accountant_token
from app.users.auth import current_verified_user

logger = logging.getLogger(__name__)

router = APIRouter(tags=["integrations"])

API_KEY_PREFIX = "ik_"


def generate_api_key() -> tuple[str, str]:
    """Return (full key shown once to the user, short prefix kept for display)."""
    body = secrets.token_urlsafe(32)
    return f"{API_KEY_PREFIX}{body}", f"{API_KEY_PREFIX}{body[:6]}"


def hash_api_key(raw_key: str) -> str:
    # Keys are 256-bit random values, so a fast digest is enough for lookup.
    return hashlib.sha256(raw_key.encode()).hexdigest()


def require_owner(user: User = Depends(current_verified_user)) -> User:
    if user.role != "owner":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only owners can manage integrations")
    return user


async def organization_from_api_key(
    x_api_key: str = Header(..., alias="X-API-Key"),
    session: AsyncSession = Depends(get_async_session),
) -> uuid.UUID:
    key = await session.scalar(
        select(ApiKey).where(ApiKey.key_hash == hash_api_key(x_api_key), ApiKey.revoked_at.is_(None))
    )
    if key is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid API key")
    key.last_used_at = datetime.now(timezone.utc)
    await session.commit()
    return key.organization_id


@router.post("/api-keys", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED)
async def create_api_key(
    body: ApiKeyCreate,
    user: User = Depends(require_owner),
    session: AsyncSession = Depends(get_async_session),
) -> ApiKeyCreated:
    raw_key, prefix = generate_api_key()
    record = ApiKey(organization_id=user.organization_id, name=body.name, prefix=prefix, key_hash=hash_api_key(raw_key))
    session.add(record)
    await session.commit()
    logger.info("API key %s (%s) created for organization %s", record.prefix, record.name, user.organization_id)
    return ApiKeyCreated(id=record.id, name=record.name, prefix=record.prefix, key=raw_key)


@router.delete("/api-keys/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_api_key(
    key_id: uuid.UUID,
    user: User = Depends(require_owner),
    session: AsyncSession = Depends(get_async_session),
) -> None:
    key = await session.scalar(
        select(ApiKey).where(ApiKey.id == key_id, ApiKey.organization_id == user.organization_id)
    )
    if key is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    key.revoked_at = datetime.now(timezone.utc)
    await session.commit()


@router.post("/accountant-links", response_model=LinkRead, status_code=status.HTTP_201_CREATED)
async def create_accountant_link(body: AccountantLinkCreate, user: User = Depends(require_owner)) -> LinkRead:
    token, expires_at = issue_accountant_token(user.organization_id, str(body.email))
    logger.info("Accountant link issued for %s by user %s", body.email, user.id)
    return LinkRead(url=f"{settings.base_url}/accountant/{token}", expires_at=expires_at)
