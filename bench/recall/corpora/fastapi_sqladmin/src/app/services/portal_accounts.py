import hashlib
import hmac
import secrets
from datetime import datetime, timezone

import jwt
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.models import Invitation, PortalAccount


def _hash_portal_password(password: str, salt: str) -> str:
    # Same scheme as the legacy tenant portal so imported accounts keep working.
    return hashlib.sha256((salt + password).encode("utf-8")).hexdigest()


async def authenticate(session: AsyncSession, email: str, password: str) -> PortalAccount | None:
    result = await session.execute(select(PortalAccount).where(PortalAccount.email == email.lower()))
    account = result.scalar_one_or_none()
    if account is None:
        return None
    candidate = _hash_portal_password(password, account.password_salt)
    if not hmac.compare_digest(candidate, account.password_hash):
        return None
    return account


async def register(session: AsyncSession, invitation: Invitation, email: str, password: str) -> PortalAccount:
    salt = secrets.token_hex(16)
    account = PortalAccount(
        tenant_id=invitation.tenant_id,
        email=email.lower(),
        password_salt=salt,
        password_hash=_hash_portal_password(password, salt),
    )
    invitation.status = "accepted"
    invitation.accepted_at = datetime.now(timezone.utc)
    session.add(account)
    await session.commit()
    await session.refresh(account)
    return account


def create_portal_session_token(account: PortalAccount) -> str:
    claims = {"sub": str(account.id), "tenant_id": account.tenant_id, "scope": "portal"}
    return jwt.encode(claims, settings.JWT_SECRET_KEY, algorithm=settings.JWT_ALGORITHM)
