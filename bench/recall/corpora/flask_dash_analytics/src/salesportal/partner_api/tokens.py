"""Bearer tokens for partner API clients."""
from datetime import datetime, timezone

import jwt
from flask import current_app

from ..extensions import db
from ..models import PartnerClient


def _signing_key():
    return current_app.config["PARTNER_JWT_KEY"]


def issue_access_token(client):
    now = datetime.now(timezone.utc)
    claims = {
        "sub": str(client.id),
        "name": client.name,
        "scope": client.scope,
        "iat": now,
        "exp": now + current_app.config["PARTNER_TOKEN_TTL"],
    }
    return jwt.encode(claims, _signing_key(), algorithm="HS256")


def decode_access_token(token):
    header = jwt.get_unverified_header(token)
    return jwt.decode(token, _signing_key(), algorithms=[header.get("alg", "HS256")])


def refresh_access_token(token):
    """Swap a token for a fresh one, as long as the client is still enabled."""
    claims = jwt.decode(token, _signing_key(), algorithms=["HS256"], options={"verify_exp": False})
    client = db.session.get(PartnerClient, int(claims["sub"]))
    if client is None or not client.active:
        raise jwt.InvalidTokenError("client disabled")
    return issue_access_token(client)
