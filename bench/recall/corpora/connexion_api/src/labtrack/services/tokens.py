"""Access tokens for the API (PyJWT)."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import jwt
from flask import current_app

from labtrack.models import User


def _signing_key() -> str:
    return current_app.config.get("JWT_SIGNING_KEY") or "labtrack-local-signing-key"


def issue_access_token(user: User, scopes: list[str] | None = None) -> tuple[str, int]:
    cfg = current_app.config
    now = datetime.now(timezone.utc)
    ttl = cfg["ACCESS_TOKEN_TTL"]
    claims = {
        "iss": cfg["JWT_ISSUER"],
        "aud": cfg["JWT_AUDIENCE"],
        "sub": str(user.id),
        "role": user.role,
        "site": user.site_code,
        "scope": " ".join(scopes or default_scopes(user)),
        "iat": now,
        "nbf": now,
        "exp": now + ttl,
        "jti": uuid.uuid4().hex,
    }
    token = jwt.encode(claims, _signing_key(), algorithm=cfg["JWT_ALGORITHM"])
    return token, int(ttl.total_seconds())


def default_scopes(user: User) -> list[str]:
    if user.role == "admin":
        return ["samples:read", "samples:write", "reports:read", "users:admin"]
    if user.is_staff:
        return ["samples:read", "samples:write", "reports:read"]
    return ["samples:read", "samples:write"]


def decode_access_token(token: str) -> dict:
    cfg = current_app.config
    return jwt.decode(
        token,
        _signing_key(),
        algorithms=[cfg["JWT_ALGORITHM"]],
        audience=cfg["JWT_AUDIENCE"],
        issuer=cfg["JWT_ISSUER"],
        options={"require": ["exp", "sub", "jti"]},
    )


def decode_for_refresh(token: str) -> dict:
    """Decode a token presented to /auth/refresh; it has usually just expired."""
    cfg = current_app.config
    return jwt.decode(token, _signing_key(), algorithms=[cfg["JWT_ALGORITHM"]], audience=cfg["JWT_AUDIENCE"], options={"verify_exp": False})


def is_instrument_token(token: str) -> bool:
    try:
        return "kid" in jwt.get_unverified_header(token)
    except jwt.DecodeError:
        return False


@lru_cache(maxsize=1)
def _instrument_keys(directory: str) -> dict[str, str]:
    return {path.stem: path.read_text() for path in Path(directory).glob("*.pub.pem")}


def decode_instrument_token(token: str) -> dict:
    """Analysers sign their own RS256 tokens; the key id selects the public key."""
    kid = jwt.get_unverified_header(token).get("kid", "")
    public_key = _instrument_keys(current_app.config["INSTRUMENT_KEYS_DIR"]).get(f"{kid}.pub")
    if public_key is None:
        raise jwt.InvalidTokenError("unknown instrument key id")
    return jwt.decode(
        token,
        public_key,
        algorithms=["RS256"],
        audience=current_app.config["JWT_AUDIENCE"],
        options={"require": ["exp", "sub"]},
    )
