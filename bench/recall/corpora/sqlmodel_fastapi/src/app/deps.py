from typing import Annotated

import jwt
from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer

from app.core.config import settings
from app.core.security import ACCESS_TOKEN_COOKIE, decode_access_token
from app.db import SessionDep
from app.models import User
from app.repositories import users as users_repo

oauth2_scheme = OAuth2PasswordBearer(tokenUrl=f"{settings.API_PREFIX}/auth/token", auto_error=False)

_credentials_error = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="Could not validate credentials",
    headers={"WWW-Authenticate": "Bearer"},
)


async def get_current_user(
    request: Request,
    session: SessionDep,
    bearer: Annotated[str | None, Depends(oauth2_scheme)],
) -> User:
    # The SPA on app.coworkly.io keeps its token in a cookie instead of localStorage.
    token = bearer or request.cookies.get(ACCESS_TOKEN_COOKIE)
    if not token:
        raise _credentials_error
    try:
        payload = decode_access_token(token)
    except jwt.PyJWTError:
        raise _credentials_error
    user = await users_repo.get_by_id(session, int(payload["sub"]))
    if user is None or not user.is_active or user.password_version != payload.get("pwd_v"):
        raise _credentials_error
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_role(*roles: str):
    async def checker(user: CurrentUser) -> User:
        if user.role not in roles:
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Insufficient permissions")
        return user

    return checker


HostUser = Annotated[User, Depends(require_role("host", "admin"))]
AdminUser = Annotated[User, Depends(require_role("admin"))]


async def require_internal_token(x_internal_token: Annotated[str, Header()] = "") -> None:
    if not settings.INTERNAL_API_TOKEN or x_internal_token != settings.INTERNAL_API_TOKEN:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN)
