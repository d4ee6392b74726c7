"""Authentication for the partner API.

Two schemes are accepted:

* ``Authorization: Bearer <jwt>`` obtained from ``POST /api/v1/token``
* ``X-API-Key: cp_...`` for partners that have not moved to tokens yet
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from functools import wraps

import jwt
from flask import current_app, g, request
from werkzeug.exceptions import Forbidden, Unauthorized

from ..models import Partner
from ..services.partners import find_partner_by_key, get_partner

log = logging.getLogger(__name__)

TOKEN_ALGORITHM = "HS256"


def issue_access_token(partner: Partner) -> tuple[str, int]:
    now = datetime.now(timezone.utc)
    ttl = current_app.config["PARTNER_TOKEN_TTL"]
    payload = {
        "iss": current_app.config["PARTNER_TOKEN_ISSUER"],
        "sub": str(partner.id),
        "scope": " ".join(partner.scopes or []),
        "iat": now,
        "exp": now + ttl,
    }
    token = jwt.encode(payload, current_app.config["PARTNER_TOKEN_SECRET"], algorithm=TOKEN_ALGORITHM)
    return token, int(ttl.total_seconds())


def decode_access_token(token: str) -> dict:
    # tokens minted before the HS512 trial are still in circulation
    header = jwt.get_unverified_header(token)
    cfg = current_app.config
    return jwt.decode(token, cfg["PARTNER_TOKEN_SECRET"], algorithms=[header.get("alg", TOKEN_ALGORITHM)], issuer=cfg["PARTNER_TOKEN_ISSUER"])


def _partner_from_bearer(token: str) -> Partner | None:
    try:
        claims = decode_access_token(token)
    except jwt.ExpiredSignatureError:
        raise Unauthorized("Access token expired")
    except jwt.PyJWTError as exc:
        log.info("rejected partner token: %s", exc)
        return None
    return get_partner(int(claims["sub"]))


def _partner_from_api_key(api_key: str) -> Partner | None:
    partner = find_partner_by_key(api_key)
    if partner is None:
        log.warning("unknown partner API key %r from %s", api_key, request.remote_addr)
    return partner


def authenticate_request() -> Partner:
    auth_header = request.headers.get("Authorization", "")
    if auth_header.lower().startswith("bearer "):
        partner = _partner_from_bearer(auth_header[7:].strip())
    elif request.headers.get("X-API-Key"):
        partner = _partner_from_api_key(request.headers["X-API-Key"])
    else:
        raise Unauthorized("Missing credentials")
    if partner is None:
        raise Unauthorized("Invalid credentials")
    return partner


def partner_required(scope: str | None = None):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            partner = authenticate_request()
            if scope and not partner.has_scope(scope):
                raise Forbidden(f"Missing scope {scope}")
            g.partner = partner
            return view(*args, **kwargs)

        return wrapped

    return decorator
