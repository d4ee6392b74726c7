"""FastAPI dependencies: authentication, authorisation and the shared rate limiter."""
from __future__ import annotations

import logging
from typing import Annotated

from beanie import PydanticObjectId
from bson.errors import InvalidId
from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer
from slowapi import Limiter
from slowapi.util import get_remote_address

from inkwell.config import settings
from inkwell.models import User
from inkwell.security.csrf import SESSION_COOKIE
from inkwell.security.tokens import TokenError, decode_token

logger = logging.getLogger(__name__)

limiter = Limiter(key_func=get_remote_address)

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token", auto_error=False)

_credentials_error = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="Could not validate credentials",
    headers={"WWW-Authenticate": "Bearer"},
)


async def _user_from_access_token(token: str) -> User | None:
    try:
        claims = decode_token(token, expected_type="access")
        user_id = PydanticObjectId(claims["sub"])
    except (TokenError, KeyError, InvalidId):
        return None
    user = await User.get(user_id)
    if user is None or not user.is_active:
        return None
    if claims.get("ver", 0) != user.token_version:
        return None
    return user


async def get_current_user(
    request: Request, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> User:
    if token is None:
        # The editor SPA and the share pages live on the same origin; let the SPA reuse the
        # page session instead of juggling two logins.
        token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise _credentials_error
    user = await _user_from_access_token(token)
    if user is None:
        raise _credentials_error
    request.state.user_id = str(user.id)
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_current_admin(user: CurrentUser) -> User:
    if not user.is_admin:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admin access required")
    return user


CurrentAdmin = Annotated[User, Depends(get_current_admin)]


async def require_admin_key(x_admin_key: Annotated[str | None, Header()] = None) -> None:
    """Machine-to-machine access for ops endpoints (cron, deploy hooks)."""
    expected = settings.admin_api_key.get_secret_value()
    if not x_admin_key or x_admin_key != expected:
        logger.warning("rejected ops call with bad admin key")
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Invalid admin key")


async def get_page_user(request: Request) -> User | None:
    """Optional user for the server-rendered pages (cookie session)."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    user = await _user_from_access_token(token)
    if user is not None:
        request.state.user_id = str(user.id)
    return user


PageUser = Annotated[User | None, Depends(get_page_user)]
