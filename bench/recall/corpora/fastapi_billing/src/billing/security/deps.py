"""Authentication dependencies shared by the API routers."""
import logging
from dataclasses import dataclass

import jwt
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer

from billing.config import get_settings
from billing.security.tokens import decode_token

logger = logging.getLogger(__name__)

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


@dataclass(frozen=True)
class Principal:
    subject: str
    tenant_id: int
    scopes: frozenset[str]

    @property
    def is_service(self) -> bool:
        return self.subject.startswith("svc:")


async def get_current_principal(
    request: Request, token: str = Depends(oauth2_scheme)
) -> Principal:
    try:
        claims = decode_token(token)
    except jwt.PyJWTError as exc:
        logger.info("rejected bearer token from %s: %s", request.client.host, type(exc).__name__)
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Invalid or expired token",
            headers={"WWW-Authenticate": "Bearer"},
        ) from exc
    return Principal(
        subject=claims["sub"],
        tenant_id=int(claims["tid"]),
        scopes=frozenset(claims.get("scope", "").split()),
    )


async def get_service_principal(token: str = Depends(oauth2_scheme)) -> Principal:
    try:
        claims = decode_token(token, audience=get_settings().service_token_audience)
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid service token") from exc
    return Principal(subject=claims["sub"], tenant_id=int(claims["tid"]), scopes=frozenset({"export"}))


def require_scope(scope: str):
    async def checker(principal: Principal = Depends(get_current_principal)) -> Principal:
        if scope not in principal.scopes:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"missing scope {scope}")
        return principal

    return checker


async def get_admin_user(request: Request) -> dict:
    """Admin pages use the signed session cookie set by the admin login form."""
    user = request.session.get("admin_user")
    if not user:
        raise HTTPException(status.HTTP_303_SEE_OTHER, headers={"Location": "/admin/login"})
    return user
