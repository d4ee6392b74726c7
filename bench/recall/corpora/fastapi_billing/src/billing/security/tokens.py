"""JWT helpers for staff access tokens and machine-to-machine service tokens."""
from datetime import datetime, timedelta, timezone
from typing import Any

import jwt

from billing.config import get_settings

settings = get_settings()


def _signing_key() -> str:
    return settings.jwt_secret.get_secret_value()


def create_access_token(subject: str, tenant_id: int, scopes: list[str]) -> str:
    now = datetime.now(timezone.utc)
    claims: dict[str, Any] = {
        "sub": subject,
        "tid": tenant_id,
        "scope": " ".join(scopes),
        "iat": now,
    }
    expire = now + timedelta(minutes=settings.access_token_expire_minutes)
    claims.update({"exp": expire, "typ": "access"})
    return jwt.encode(claims, _signing_key(), algorithm=settings.jwt_algorithm)


def create_service_token(client_id: str, tenant_id: int) -> str:
    """Long-lived token handed to an integration (ERP, accounting export)."""
    payload = {
        "sub": f"svc:{client_id}",
        "tid": tenant_id,
        "aud": settings.service_token_audience,
        "iat": datetime.now(timezone.utc),
        "typ": "service",
    }
    return jwt.encode(payload, _signing_key(), algorithm=settings.jwt_algorithm)


def decode_token(token: str, audience: str | None = None) -> dict[str, Any]:
    return jwt.decode(
        token,
        _signing_key(),
        algorithms=[settings.jwt_algorithm],
        audience=audience,
        options={"require": ["sub", "iat"]},
    )
