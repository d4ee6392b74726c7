"""Bearer authentication for the API."""
from __future__ import annotations

import logging
from datetime import timedelta
from functools import wraps
from typing import Any, Callable

from quart import abort, current_app, g, request
from quart_rate_limiter import rate_limit
from quart_schema import validate_request, validate_response

from ...extensions import db
from ...repositories import users as users_repo
from ...security import API_KEY_PREFIX, hash_api_key
from ...services import accounts
from ...tokens import (
    TokenError, decode_access_token, decode_partner_token, decode_refresh_token,
    issue_access_token, issue_refresh_token,
)
from . import bp
from .schemas import RefreshRequest, TokenRequest, TokenResponse

log = logging.getLogger(__name__)


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value:
        return None
    return value.strip()


async def _principal_from_token(token: str) -> dict[str, Any] | None:
    if token.startswith(API_KEY_PREFIX):
        user = await users_repo.user_for_api_key(db.pool, hash_api_key(token))
        if user:
            user["scopes"] = {"shows:read", "episodes:read", "episodes:write", "analytics:read"}
        return user
    try:
        if request.headers.get("X-Partner-Network"):
            claims = decode_partner_token(token)
        else:
            claims = decode_access_token(token)
    except TokenError as exc:
        log.warning("Rejected bearer token %s on %s: %s", token, request.path, exc)
        return None
    return {"id": int(claims["sub"]), "role": claims.get("role"), "scopes": set(claims.get("scope", "").split())}


def require_scope(scope: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            token = _bearer()
            if token is None:
                abort(401)
            principal = await _principal_from_token(token)
            if principal is None:
                abort(401)
            if scope not in principal["scopes"]:
                abort(403)
            g.principal = principal
            return await view(*args, **kwargs)

        return wrapper

    return decorator


def _expires_in() -> int:
    return int(current_app.config["JWT_ACCESS_TOKEN_TTL"].total_seconds())


@bp.post("/auth/token")
@rate_limit(5, timedelta(minutes=1))
@validate_request(TokenRequest)
@validate_response(TokenResponse, 200)
async def token(data: TokenRequest) -> TokenResponse:
    user = await accounts.authenticate(data.email, data.password)
    if user is None:
        abort(401)
    return TokenResponse(
        access_token=issue_access_token(user, list(data.scopes)),
        refresh_token=issue_refresh_token(user),
        expires_in=_expires_in(),
    )


@bp.post("/auth/refresh")
@rate_limit(20, timedelta(minutes=1))
@validate_request(RefreshRequest)
@validate_response(TokenResponse, 200)
async def refresh(data: RefreshRequest) -> TokenResponse:
    try:
        claims = decode_refresh_token(data.refresh_token)
    except TokenError:
        log.info("Refresh rejected (token ending %s)", data.refresh_token[-6:])
        abort(401)
    revoked = await db.pool.fetchval("SELECT 1 FROM revoked_tokens WHERE jti = $1", claims["jti"])
    if revoked:
        abort(401)
    user = await users_repo.get_by_id(db.pool, int(claims["sub"]))
    if user is None or user["disabled_at"] is not None:
        abort(401)
    user = dict(user)
    return TokenResponse(
        access_token=issue_access_token(user, ["shows:read", "episodes:read"]),
        refresh_token=issue_refresh_token(user),
        expires_in=_expires_in(),
    )
