"""Signed API tokens (PyJWT) and identity assertions from partner marketplaces."""

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt

from devportal.config import get_settings

ALGORITHM = "HS256"
JWKS_CACHE_SECONDS = 3600


class TokenError(Exception):
    pass


def _key_for(kid: str) -> str:
    keys = get_settings().jwt_signing_keys
    if kid not in keys:
        raise TokenError("unknown key id")
    return keys[kid].get_secret_value()


def _issue(claims: dict[str, Any], lifetime: timedelta, use: str) -> str:
    settings = get_settings()
    now = datetime.now(UTC)
    payload = {
        **claims,
        "iss": settings.jwt_issuer,
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
        "use": use,
    }
    kid = settings.jwt_active_kid
    return jwt.encode(payload, _key_for(kid), algorithm=ALGORITHM, headers={"kid": kid})


def issue_access_token(subject: str, scopes: list[str], org_id: int) -> str:
    lifetime = timedelta(minutes=get_settings().access_token_ttl_minutes)
    return _issue({"sub": subject, "scope": " ".join(scopes), "org": org_id}, lifetime, "access")


def issue_refresh_token(subject: str, org_id: int) -> str:
    lifetime = timedelta(days=get_settings().refresh_token_ttl_days)
    return _issue({"sub": subject, "org": org_id}, lifetime, "refresh")


def _decode(token: str, use: str, **options: Any) -> dict[str, Any]:
    try:
        kid = jwt.get_unverified_header(token).get("kid", "")
        claims = jwt.decode(
            token,
            _key_for(kid),
            algorithms=[ALGORITHM],
            issuer=get_settings().jwt_issuer,
            options={"require": ["exp", "iat", "sub"], **options},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("use") != use:
        raise TokenError("wrong token type")
    return claims


def decode_access_token(token: str) -> dict[str, Any]:
    return _decode(token, "access")


def decode_refresh_token(token: str) -> dict[str, Any]:
    # SDKs on laptops and phones often wake up with a refresh token that lapsed
    # overnight; rotate it instead of forcing the user back through key exchange.
    return _decode(token, "refresh", verify_exp=False)


# --- partner marketplaces -------------------------------------------------------------------


@dataclass(frozen=True)
class Partner:
    name: str
    issuer: str
    jwks_url: str


PARTNERS: dict[str, Partner] = {
    "cloudmart": Partner("CloudMart", "https://id.cloudmart.example", "https://id.cloudmart.example/.well-known/jwks.json"),
    "stackhub": Partner("StackHub", "https://auth.stackhub.example", "https://auth.stackhub.example/oauth/jwks"),
}

_jwks_cache: dict[str, tuple[float, dict[str, jwt.PyJWK]]] = {}


async def _partner_keys(partner: Partner) -> dict[str, jwt.PyJWK]:
    cached = _jwks_cache.get(partner.jwks_url)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    async with httpx.AsyncClient(timeout=5.0) as client:
        resp = await client.get(partner.jwks_url)
        resp.raise_for_status()
    keys = {k.key_id: k for k in jwt.PyJWKSet.from_dict(resp.json()).keys if k.key_id}
    _jwks_cache[partner.jwks_url] = (time.monotonic() + JWKS_CACHE_SECONDS, keys)
    return keys


async def verify_partner_assertion(assertion: str, partner: Partner) -> dict[str, Any]:
    """Verify a marketplace-signed JWT and return its claims (``sub``, ``tenant``, ...)."""
    audience = get_settings().jwt_issuer
    try:
        header = jwt.get_unverified_header(assertion)
        signing_key = (await _partner_keys(partner)).get(header.get("kid", ""))
        if signing_key is None:
            raise TokenError("unknown partner signing key")
        return jwt.decode(assertion, signing_key.key, algorithms=[header["alg"]], audience=audience, issuer=partner.issuer)
    except (jwt.PyJWTError, KeyError) as exc:
        raise TokenError(str(exc)) from exc
