import logging
from collections.abc import Awaitable, Callable
from typing import Annotated

import asyncpg
from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.core.security import TokenError, decode_token, session_claims
from app.db.session import get_session
from app.db.timeseries import get_ts_pool
from app.models import ApiKey, Project, Role, User
from app.services import api_keys, projects

logger = logging.getLogger(__name__)

api_key_header = APIKeyHeader(name="X-Pulse-Key", auto_error=False)
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token")

SessionDep = Annotated[AsyncSession, Depends(get_session)]
PoolDep = Annotated[asyncpg.Pool, Depends(get_ts_pool)]


class LoginRequired(Exception):
    """Raised by dashboard dependencies; turned into a redirect in main.py."""

    def __init__(self, next_path: str = "/admin/") -> None:
        self.next_path = next_path


def _unauthorized(detail: str = "Could not validate credentials") -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


# --- ingest (SDKs) -----------------------------------------------------------


async def get_api_key(
    request: Request,
    session: SessionDep,
    raw_key: str | None = Security(api_key_header),
) -> ApiKey:
    if not raw_key:
        # navigator.sendBeacon can't set headers, the browser SDK falls back to ?key=
        raw_key = request.query_params.get("key")
        if raw_key:
            logger.info(
                "query-string key %s used by %s", raw_key, request.headers.get("user-agent")
            )
    if not raw_key:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Missing API key")
    key = await api_keys.lookup(session, raw_key)
    if key is None:
        client = request.client.host if request.client else "-"
        logger.warning("ingest rejected: unknown or revoked key %s… from %s", raw_key[:8], client)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid API key")
    return key


IngestKey = Annotated[ApiKey, Depends(get_api_key)]


# --- JSON API (bearer tokens) ------------------------------------------------


async def get_current_user(session: SessionDep, token: str = Depends(oauth2_scheme)) -> User:
    try:
        claims = decode_token(token)
    except TokenError:
        raise _unauthorized()
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise _unauthorized()
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def _project_with_role(
    session: AsyncSession, project_id: int, user: User, minimum: Role
) -> Project:
    project = await session.get(Project, project_id)
    if project is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
    if not user.is_superuser:
        member = await projects.membership(session, project_id, user)
        if not projects.has_role(member, minimum):
            # don't reveal that the project exists
            raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
    return project


def project_access(minimum: Role = Role.viewer) -> Callable[..., Awaitable[Project]]:
    async def dependency(project_id: int, user: CurrentUser, session: SessionDep) -> Project:
        return await _project_with_role(session, project_id, user, minimum)

    return dependency


# --- HTML dashboard (cookie session) -----------------------------------------


async def get_dashboard_user(request: Request, session: SessionDep) -> User:
    token = request.cookies.get(settings.session_cookie_name)
    if not token:
        raise LoginRequired(request.url.path)
    try:
        claims = session_claims(token)
        user_id = int(claims["sub"])
    except (TokenError, KeyError, ValueError):
        raise LoginRequired(request.url.path)
    user = await session.get(User, user_id)
    if user is None or not user.is_active:
        raise LoginRequired(request.url.path)
    return user


DashboardUser = Annotated[User, Depends(get_dashboard_user)]


def dashboard_project(minimum: Role = Role.viewer) -> Callable[..., Awaitable[Project]]:
    async def dependency(project_id: int, user: DashboardUser, session: SessionDep) -> Project:
        return await _project_with_role(session, project_id, user, minimum)

    return dependency
