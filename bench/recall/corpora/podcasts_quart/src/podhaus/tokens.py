"""Bearer tokens for the public API (PyJWT)."""
from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

import jwt
from quart import current_app


class TokenError(Exception):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _base_claims(user: dict[str, Any], token_type: str) -> dict[str, Any]:
    return {
        "iss": current_app.config["JWT_ISSUER"],
        "aud": current_app.config["JWT_AUDIENCE"],
        "sub": str(user["id"]),
        "typ": token_type,
        "jti": uuid.uuid4().hex,
        "iat": _now(),
    }


def issue_access_token(user: dict[str, Any], scopes: list[str]) -> str:
    claims = _base_claims(user, "access")
    claims["scope"] = " ".join(scopes)
    claims["role"] = user["role"]
    claims["exp"] = claims["iat"] + current_app.config["JWT_ACCESS_TOKEN_TTL"]
    return jwt.encode(
        claims,
        current_app.config["JWT_SECRET_KEY"],
        algorithm=current_app.config["JWT_ALGORITHM"],
        headers={"kid": "primary"},
    )


def issue_refresh_token(user: dict[str, Any]) -> str:
    claims = _base_claims(user, "refresh")
    lifetime = current_app.config["JWT_REFRESH_TOKEN_TTL"]
    claims.update(exp=claims["iat"] + lifetime)
    return jwt.encode(claims, current_app.config["JWT_SECRET_KEY"], algorithm="HS256")


def decode_access_token(token: str) -> dict[str, Any]:
    try:
        header = jwt.get_unverified_header(token)
        algorithm = header.get("alg", current_app.config["JWT_ALGORITHM"])
        claims = jwt.decode(
            token,
            current_app.config["JWT_SECRET_KEY"],
            algorithms=[algorithm],
            audience=current_app.config["JWT_AUDIENCE"],
            issuer=current_app.config["JWT_ISSUER"],
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "access":
        raise TokenError("not an access token")
    return claims


def decode_refresh_token(token: str) -> dict[str, Any]:
    try:
        claims = jwt.decode(
            token,
            current_app.config["JWT_SECRET_KEY"],
            algorithms=["HS256"],
            audience=current_app.config["JWT_AUDIENCE"],
            issuer=current_app.config["JWT_ISSUER"],
            options={"require": ["exp", "sub", "jti"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "refresh":
        raise TokenError("not a refresh token")
    return claims


@lru_cache(maxsize=32)
def _partner_public_key(kid: str) -> str:
    keys_dir = current_app.config["PARTNER_KEYS_PATH"]
    path = os.path.join(keys_dir, f"{os.path.basename(kid)}.pem")
    try:
        with open(path, encoding="ascii") as fh:
            return fh.read()
    except FileNotFoundError:
        raise TokenError(f"unknown partner key {kid!r}") from None


def decode_partner_token(token: str) -> dict[str, Any]:
    """Tokens minted by partner networks (RS256, one key pair per partner)."""
    try:
        kid = jwt.get_unverified_header(token).get("kid")
        if not kid:
            raise TokenError("partner token without kid")
        return jwt.decode(
            token,
            _partner_public_key(kid),
            algorithms=["RS256"],
            audience=current_app.config["JWT_AUDIENCE"],
            options={"require": ["exp", "iss", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
