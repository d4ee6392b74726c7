"""Shared FastAPI dependencies: database session, browser user, API principal."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from devportal.db import get_session
from devportal.models import Org, StaffUser, User
from devportal.repositories import users as users_repo
from devportal.security.keys import API_KEY_HEADER
from devportal.security.tokens import TokenError, decode_access_token
from devportal.services import keys as keys_service

SessionDep = Annotated[AsyncSession, Depends(get_session)]

_bearer = HTTPBearer(auto_error=False)


class LoginRequired(Exception):
    """Raised by browser routes; the exception handler turns it into a redirect."""

    def __init__(self, location: str = "/login") -> None:
        self.location = location


async def current_user(request: Request, session: SessionDep) -> User:
    user_id = request.session.get("user_id")
    user = await users_repo.get_user(session, user_id) if user_id else None
    if user is None or not user.is_active:
        request.session.pop("user_id", None)
        raise LoginRequired()
    return user


CurrentUser = Annotated[User, Depends(current_user)]


async def current_org(user: CurrentUser) -> Org:
    if not user.memberships:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "You are not a member of any organisation.")
    return user.memberships[0].org


CurrentOrg = Annotated[Org, Depends(current_org)]


async def current_staff(request: Request, session: SessionDep) -> StaffUser:
    staff_id = request.session.get("staff_id")
    staff = await users_repo.get_staff(session, staff_id) if staff_id else None
    if staff is None:
        raise LoginRequired("/admin/login")
    return staff


CurrentStaff = Annotated[StaffUser, Depends(current_staff)]


@dataclass(frozen=True)
class ApiPrincipal:
    org_id: int
    subject: str
    scopes: frozenset[str]


async def api_principal(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    api_key: Annotated[str | None, Header(alias=API_KEY_HEADER)] = None,
) -> ApiPrincipal:
    if credentials is not None:
        try:
            claims = decode_access_token(credentials.credentials)
        except TokenError:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED, "Invalid or expired token", headers={"WWW-Authenticate": "Bearer"}
            ) from None
        scopes = frozenset(str(claims.get("scope", "")).split())
        return ApiPrincipal(org_id=int(claims["org"]), subject=str(claims["sub"]), scopes=scopes)
    if api_key:
        key = await keys_service.authenticate(session, api_key)
        if key is not None:
            return ApiPrincipal(org_id=key.org_id, subject=f"key:{key.id}", scopes=frozenset(key.scopes))
    raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Authentication required", headers={"WWW-Authenticate": "Bearer"})


def require_scope(scope: str) -> Callable[..., Awaitable[ApiPrincipal]]:
    async def dependency(principal: Annotated[ApiPrincipal, Depends(api_principal)]) -> ApiPrincipal:
        if scope not in principal.scopes:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"This credential lacks the {scope} scope.")
        return principal

    return dependency
