from typing import Annotated

import jwt
from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer
from jwt.exceptions import InvalidTokenError
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import security
from app.core.config import settings
from app.core.db import get_session
from app.models import ApiClient, User
from app.schemas import TokenPayload

ADMIN_COOKIE = "notify_admin_token"

reusable_oauth2 = OAuth2PasswordBearer(tokenUrl=f"{settings.API_V1_STR}/login/access-token")

DbSession = Annotated[AsyncSession, Depends(get_session)]
TokenDep = Annotated[str, Depends(reusable_oauth2)]


def _decode_access_token(token: str) -> TokenPayload:
    try:
        payload = jwt.decode(token, settings.SECRET_KEY, algorithms=[security.ALGORITHM])
        token_data = TokenPayload(**payload)
    except (InvalidTokenError, ValidationError):
        raise HTTPException(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="Could not validate credentials",
        )
    if token_data.typ != "access" or token_data.sub is None:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Could not validate credentials")
    return token_data


async def _load_active_user(session: AsyncSession, token: str) -> User:
    token_data = _decode_access_token(token)
    user = await session.get(User, int(token_data.sub))
    if not user:
        raise HTTPException(status_code=404, detail="User not found")
    if not user.is_active:
        raise HTTPException(status_code=400, detail="Inactive user")
    return user


async def get_current_user(session: DbSession, token: TokenDep) -> User:
    return await _load_active_user(session, token)


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_current_active_superuser(current_user: CurrentUser) -> User:
    if not current_user.is_superuser:
        raise HTTPException(status_code=403, detail="The user doesn't have enough privileges")
    return current_user


SuperUser = Annotated[User, Depends(get_current_active_superuser)]


async def get_api_client(
    session: DbSession,
    x_api_key: Annotated[str | None, Header()] = None,
) -> ApiClient:
    if not x_api_key or not x_api_key.startswith("ntf_") or len(x_api_key) < 12:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Missing or malformed API key")
    prefix = x_api_key[4:12]
    client = await session.scalar(
        select(ApiClient).where(ApiClient.key_prefix == prefix, ApiClient.revoked_at.is_(None))
    )
    if client is None or client.api_key != x_api_key:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid API key")
    return client


ApiClientDep = Annotated[ApiClient, Depends(get_api_client)]


async def get_admin_user(request: Request, session: DbSession) -> User:
    token = request.cookies.get(ADMIN_COOKIE)
    if not token:
        raise HTTPException(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/admin/login"})
    user = await _load_active_user(session, token)
    if not user.is_superuser:
        raise HTTPException(status_code=403, detail="Admins only")
    return user


AdminUser = Annotated[User, Depends(get_admin_user)]
