"""Connexion security handlers referenced from the OpenAPI document."""
from __future__ import annotations

import jwt
import structlog
from flask import current_app

from labtrack.database import get_session
from labtrack.models import User
from labtrack.services import api_keys, tokens

log = structlog.get_logger(__name__)


def decode_bearer(token: str) -> dict | None:
    """x-bearerInfoFunc: staff/partner access tokens and analyser tokens."""
    try:
        if tokens.is_instrument_token(token):
            claims = tokens.decode_instrument_token(token)
            return {"sub": f"instrument:{claims['sub']}", "scope": ["results:write"], "kind": "instrument"}
        claims = tokens.decode_access_token(token)
    except jwt.PyJWTError as exc:
        log.warning("bearer_token_rejected", token=token, reason=str(exc))
        return None

    user = get_session().get(User, int(claims["sub"]))
    if user is None or not user.active:
        return None
    return {
        "sub": claims["sub"],
        "scope": claims.get("scope", "").split(),
        "role": user.role,
        "site": user.site_code,
        "kind": "user",
    }


def check_api_key(apikey: str, required_scopes=None) -> dict | None:
    """x-apikeyInfoFunc: partner LIMS integrations."""
    session = get_session()
    record = api_keys.authenticate(session, apikey)
    if record is None:
        log.info("api_key_rejected")
        return None
    owner = session.get(User, record.owner_id)
    if owner is None or not owner.active:
        return None
    return {
        "sub": str(owner.id),
        "scope": record.scope_list,
        "role": owner.role,
        "site": owner.site_code,
        "kind": "api_key",
        "key_id": record.id,
    }


def check_metrics_basic(username: str, password: str, required_scopes=None) -> dict | None:
    """x-basicInfoFunc: Prometheus scrapes /metrics with basic auth."""
    cfg = current_app.config
    if cfg["METRICS_PASSWORD"] and username == cfg["METRICS_USER"] and password == cfg["METRICS_PASSWORD"]:
        return {"sub": username, "scope": ["metrics"]}
    return None
