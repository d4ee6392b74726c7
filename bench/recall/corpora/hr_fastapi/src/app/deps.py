from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timezone
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer
from slowapi import Limiter
from slowapi.util import get_remote_address
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import settings
from app.database import get_db
from app.models import ApiClient, Role, User
from app.security import TokenError, decode_access_token, decode_partner_token, session_user_id


def client_key(request: Request) -> str:
    """Rate-limit key: the client IP as seen by the proxy (uvicorn --proxy-headers)."""
    return get_remote_address(request)


limiter = Limiter(key_func=client_key, storage_uri=settings.redis_url, strategy="moving-window")

LOGIN_LIMIT = "5/minute"
TOKEN_REFRESH_LIMIT = "30/minute"
PASSWORD_RESET_CONFIRM_LIMIT = "5/15minutes"
INVITATION_LIMIT = "10/hour"

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=True)

DbSession = Annotated[Session, Depends(get_db)]
BearerToken = Annotated[str, Depends(oauth2_scheme)]


class LoginRequired(Exception):
    """Raised by UI dependencies; turned into a redirect to the login page."""

    def __init__(self, next_url: str = "/ui/dashboard") -> None:
        self.next_url = next_url


_credentials_error = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="Could not validate credentials",
    headers={"WWW-Authenticate": "Bearer"},
)


def get_current_user(db: DbSession, token: BearerToken) -> User:
    try:
        claims = decode_access_token(token)
    except TokenError:
        raise _credentials_error from None
    user = db.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise _credentials_error
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_roles(*roles: Role):
    def checker(user: CurrentUser) -> User:
        if user.role not in roles:
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Insufficient role")
        return user

    return checker


ManagerUser = Annotated[User, Depends(require_roles(Role.MANAGER, Role.HR_ADMIN))]
HRAdminUser = Annotated[User, Depends(require_roles(Role.HR_ADMIN))]


def get_session_user(request: Request, db: DbSession) -> User | None:
    user_id = session_user_id(request)
    if user_id is None:
        return None
    user = db.get(User, user_id)
    if user is None or not user.is_active:
        request.session.clear()
        return None
    return user


def require_manager_session(request: Request, user: Annotated[User | None, Depends(get_session_user)]) -> User:
    if user is None:
        raise LoginRequired(next_url=request.url.path)
    if not user.is_manager:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Managers only")
    return user


def require_hr_admin_session(user: Annotated[User, Depends(require_manager_session)]) -> User:
    if user.role != Role.HR_ADMIN:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="HR administrators only")
    return user


ManagerSession = Annotated[User, Depends(require_manager_session)]
HRAdminSession = Annotated[User, Depends(require_hr_admin_session)]
OptionalSessionUser = Annotated[User | None, Depends(get_session_user)]


def get_api_client(db: DbSession, x_api_key: Annotated[str, Header()]) -> ApiClient:
    """API keys look like ``hrk_<prefix>_<secret>``; only a SHA-256 of the full key is stored."""
    prefix = x_api_key[:12]
    client = db.scalar(select(ApiClient).where(ApiClient.key_prefix == prefix, ApiClient.is_active.is_(True)))
    presented = hashlib.sha256(x_api_key.encode()).hexdigest()
    if client is None or not hmac.compare_digest(presented, client.key_hash):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid API key")
    client.last_used_at = datetime.now(timezone.utc)
    db.commit()
    return client


def require_api_scope(scope: str):
    def checker(client: Annotated[ApiClient, Depends(get_api_client)]) -> ApiClient:
        if scope not in (client.scopes or []):
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail=f"Missing scope {scope}")
        return client

    return checker


def get_partner_claims(authorization: Annotated[str, Header()]) -> dict[str, Any]:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise _credentials_error
    try:
        return decode_partner_token(token)
    except TokenError:
        raise _credentials_error from None


PartnerClaims = Annotated[dict[str, Any], Depends(get_partner_claims)]
