"""Staff authentication: login, token refresh, logout."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.exceptions import NotAuthorizedException
from litestar.security.jwt import Token
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT
from litestar.stores.base import Store
from sqlalchemy.ext.asyncio import AsyncSession

from studio.config.app_config import login_rate_limit
from studio.config.settings import get_settings
from studio.db.models import User
from studio.db.repositories import UserRepository
from studio.schemas import LoginRequest, RefreshRequest, TokenPair, UserReadDTO
from studio.security.middleware import jwt_auth
from studio.security.passwords import hash_password, needs_rehash, verify_password
from studio.security.tokens import (
    TokenError,
    claims_from_expired_access_token,
    decode_refresh_token,
    issue_calendar_feed_token,
    issue_refresh_token,
)

logger = logging.getLogger(__name__)
settings = get_settings()

_INVALID = "Invalid email or password"


def _refresh_store(request: Request[Any, Any, Any]) -> Store:
    return request.app.stores.get("refresh_tokens")


async def _token_pair(request: Request[Any, Any, Any], user: User) -> TokenPair:
    ttl_minutes = settings.security.access_token_ttl_minutes
    access = jwt_auth.create_token(
        identifier=str(user.id),
        token_expiration=timedelta(minutes=ttl_minutes),
        token_extras={"role": user.role.value, "studio": str(user.studio_id)},
    )
    refresh, jti = issue_refresh_token(user.id)
    await _refresh_store(request).set(
        jti, str(user.id), expires_in=timedelta(days=settings.security.refresh_token_ttl_days)
    )
    logger.info("refresh token issued for user %s", user.id)
    return TokenPair(access_token=access, refresh_token=refresh, expires_in=ttl_minutes * 60)


class AuthController(Controller):
    path = "/api/auth"
    tags = ["auth"]
    middleware = [login_rate_limit.middleware]

    @post("/login", exclude_from_auth=True, status_code=HTTP_200_OK)
    async def login(self, request: Request[Any, Any, Any], data: LoginRequest, db_session: AsyncSession) -> TokenPair:
        repo = UserRepository(session=db_session)
        user = await repo.get_one_or_none(email=data.email.strip().lower())
        if user is None or not user.is_active:
            verify_password(None, data.password)
            raise NotAuthorizedException(_INVALID)
        if not verify_password(user.password_hash, data.password):
            raise NotAuthorizedException(_INVALID)
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(data.password)
        user.last_login_at = datetime.now(tz=UTC)
        await repo.update(user, auto_commit=True)
        return await _token_pair(request, user)

    @post("/refresh", exclude_from_auth=True, status_code=HTTP_200_OK)
    async def refresh(
        self, request: Request[Any, Any, Any], data: RefreshRequest, db_session: AsyncSession
    ) -> TokenPair:
        try:
            if data.refresh_token:
                claims = decode_refresh_token(data.refresh_token)
                if await _refresh_store(request).get(claims.jti) is None:
                    raise NotAuthorizedException("Refresh token revoked")
                await _refresh_store(request).delete(claims.jti)
                user_id = claims.user_id
            elif data.access_token:
                user_id = UUID(claims_from_expired_access_token(data.access_token)["sub"])
            else:
                raise NotAuthorizedException("No token supplied")
        except TokenError as exc:
            raise NotAuthorizedException("Session expired, please sign in again") from exc

        user = await UserRepository(session=db_session).get_one_or_none(id=user_id)
        if user is None or not user.is_active:
            raise NotAuthorizedException("Session expired, please sign in again")
        return await _token_pair(request, user)

    @post("/logout", status_code=HTTP_204_NO_CONTENT)
    async def logout(self, request: Request[User, Token, Any], data: RefreshRequest) -> None:
        if data.refresh_token:
            try:
                claims = decode_refresh_token(data.refresh_token)
            except TokenError:
                return
            await _refresh_store(request).delete(claims.jti)

    @get("/me", return_dto=UserReadDTO)
    async def me(self, request: Request[User, Token, Any]) -> User:
        return request.user

    @get("/calendar-feed")
    async def calendar_feed(self, request: Request[User, Token, Any]) -> Response[dict[str, str]]:
        token = issue_calendar_feed_token(request.user.id, request.user.studio_id)
        url = f"{settings.app.base_url}/api/feeds/bookings.ics?token={token}"
        return Response({"url": url, "webcal": url.replace("https://", "webcal://", 1)})
