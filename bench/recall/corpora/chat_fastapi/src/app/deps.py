"""Shared FastAPI dependencies."""
import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.core.security import TokenError, decode_token
from app.db import get_session
from app.models import RevokedToken, Role, RoomMember, User
from app.services import rooms_repo

bearer = HTTPBearer(auto_error=False)

SessionDep = Annotated[AsyncSession, Depends(get_session)]

_UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _unauthorized(detail: str = "Not authenticated") -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


async def _user_from_token(session: AsyncSession, token: str) -> User:
    try:
        claims = decode_token(token, expected_type="access")
    except TokenError as exc:
        raise _unauthorized(str(exc)) from exc

    if await session.get(RevokedToken, claims["jti"]):
        raise _unauthorized("token revoked")

    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise _unauthorized()
    return user


async def get_current_user(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    if credentials is not None:
        request.state.auth_via = "header"
        return await _user_from_token(session, credentials.credentials)

    cookie_token = request.cookies.get(settings.ACCESS_TOKEN_COOKIE)
    if cookie_token:
        request.state.auth_via = "cookie"
        return await _user_from_token(session, cookie_token)

    raise _unauthorized()


CurrentUser = Annotated[User, Depends(get_current_user)]


async def verify_csrf(request: Request, user: CurrentUser) -> None:
    """Double-submit check for browser clients that authenticate by cookie.

    API clients sending a bearer header are not exposed to CSRF and skip it.
    """
    if request.method not in _UNSAFE_METHODS:
        return
    if getattr(request.state, "auth_via", None) != "cookie":
        return
    sent = request.headers.get("x-csrf-token", "")
    expected = request.cookies.get(settings.CSRF_COOKIE, "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="CSRF check failed")


async def require_verified(user: CurrentUser) -> User:
    if not user.is_verified:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Confirm your e-mail first")
    return user


async def room_member(room_id: int, session: SessionDep, user: CurrentUser) -> RoomMember:
    member = await rooms_repo.membership(session, room_id, user.id)
    if member is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Room not found")
    return member


async def get_admin_user(request: Request, session: SessionDep) -> User:
    """Admin pages are server-rendered and authenticate with a cookie."""
    token = request.cookies.get(settings.ADMIN_COOKIE)
    if not token:
        raise HTTPException(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/admin/login"})
    try:
        claims = decode_token(token, expected_type="access")
    except TokenError:
        raise HTTPException(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/admin/login"})
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active or user.role != Role.admin:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Admins only")
    return user


AdminUser = Annotated[User, Depends(get_admin_user)]
