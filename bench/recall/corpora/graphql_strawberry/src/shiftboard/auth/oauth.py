"""Google sign-in (OpenID Connect, authorization code flow)."""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
import jwt
from jwt import PyJWKClient

from ..config import get_settings

settings = get_settings()

GOOGLE_AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth"
GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
GOOGLE_JWKS_URL = "https://www.googleapis.com/oauth2/v3/certs"
GOOGLE_ISSUERS = ("https://accounts.google.com", "accounts.google.com")

_jwks_client = PyJWKClient(GOOGLE_JWKS_URL, cache_keys=True, lifespan=3600)


class OAuthError(Exception):
    pass


@dataclass(frozen=True)
class GoogleIdentity:
    sub: str
    email: str
    email_verified: bool
    name: str | None


def redirect_uri() -> str:
    return f"{settings.oauth_redirect_base.rstrip('/')}/auth/oauth/google/callback"


def authorization_url(state: str, nonce: str) -> str:
    params = {
        "client_id": settings.google_client_id,
        "redirect_uri": redirect_uri(),
        "response_type": "code",
        "scope": "openid email profile",
        "state": state,
        "nonce": nonce,
        "prompt": "select_account",
    }
    return f"{GOOGLE_AUTH_URL}?{urlencode(params)}"


async def exchange_code(code: str) -> dict:
    data = {
        "code": code,
        "client_id": settings.google_client_id,
        "client_secret": settings.google_client_secret,
        "redirect_uri": redirect_uri(),
        "grant_type": "authorization_code",
    }
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(GOOGLE_TOKEN_URL, data=data)
    if resp.status_code != 200:
        raise OAuthError(f"token endpoint returned HTTP {resp.status_code}")
    payload = resp.json()
    if "id_token" not in payload:
        raise OAuthError("token response has no id_token")
    return payload


def verify_id_token(id_token: str, nonce: str) -> GoogleIdentity:
    # Look at the issuer before fetching keys so tokens from other IdPs fail fast
    # with a readable error instead of a JWKS miss.
    unverified = jwt.decode(id_token, options={"verify_signature": False})
    issuer = unverified.get("iss")
    if issuer not in GOOGLE_ISSUERS:
        raise OAuthError(f"unexpected issuer {issuer!r}")

    try:
        signing_key = _jwks_client.get_signing_key_from_jwt(id_token)
        claims = jwt.decode(
            id_token,
            signing_key.key,
            algorithms=["RS256"],
            audience=settings.google_client_id,
            issuer=issuer,
        )
    except jwt.PyJWTError as exc:
        raise OAuthError(f"id_token rejected: {exc}") from exc

    if not hmac.compare_digest(str(claims.get("nonce", "")), nonce):
        raise OAuthError("nonce mismatch")
    return GoogleIdentity(
        sub=claims["sub"],
        email=claims.get("email", "").lower(),
        email_verified=bool(claims.get("email_verified")),
        name=claims.get("name"),
    )
