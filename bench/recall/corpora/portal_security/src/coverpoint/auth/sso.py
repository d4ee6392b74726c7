"""OpenID Connect login for staff seconded from our main carrier partner."""
from __future__ import annotations

import secrets
from functools import lru_cache
from urllib.parse import urlencode

import jwt
from flask import current_app, session, url_for

SESSION_KEY = "carrier_sso"


@lru_cache(maxsize=4)
def _jwks_client(url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(url, cache_keys=True, lifespan=3600)


def authorization_url() -> str:
    state = secrets.token_urlsafe(32)
    nonce = secrets.token_urlsafe(32)
    session[SESSION_KEY] = {"state": state, "nonce": nonce}
    cfg = current_app.config
    params = {
        "response_type": "id_token",
        "response_mode": "form_post",
        "client_id": cfg["CARRIER_SSO_CLIENT_ID"],
        "redirect_uri": url_for("auth.sso_callback", _external=True),
        "scope": "openid email profile",
        "state": state,
        "nonce": nonce,
    }
    return f"{cfg['CARRIER_SSO_AUTHORIZE_URL']}?{urlencode(params)}"


def pop_expected() -> dict:
    return session.pop(SESSION_KEY, None) or {}


def verify_id_token(id_token: str, expected_nonce: str) -> dict:
    cfg = current_app.config
    signing_key = _jwks_client(cfg["CARRIER_SSO_JWKS_URL"]).get_signing_key_from_jwt(id_token)
    claims = jwt.decode(
        id_token,
        signing_key.key,
        algorithms=["RS256"],
        audience=cfg["CARRIER_SSO_CLIENT_ID"],
        issuer=cfg["CARRIER_SSO_ISSUER"],
        options={"require": ["exp", "iat", "sub", "nonce"]},
        leeway=30,
    )
    if not secrets.compare_digest(claims.get("nonce", ""), expected_nonce or ""):
        raise jwt.InvalidTokenError("nonce mismatch")
    return claims
