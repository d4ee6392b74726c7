"""Custom Lambda authorizer for rider-facing routes."""
import logging

import jwt
from chalice import AuthResponse, Blueprint, IAMAuthorizer

from chalicelib.security import tokens

log = logging.getLogger(__name__)

authorizers = Blueprint(__name__)

# Back-office routes (reports, partner key management) are signed with SigV4.
iam_auth = IAMAuthorizer()


def _bearer(raw):
    raw = (raw or "").strip()
    if raw.lower().startswith("bearer "):
        return raw[7:].strip()
    return raw


@authorizers.authorizer(ttl_seconds=300)
def rider_auth(auth_request):
    token = _bearer(auth_request.token)
    try:
        claims = tokens.decode_access_token(token)
    except jwt.InvalidTokenError as exc:
        log.warning("rejected bearer token %s: %s", token, exc)
        return AuthResponse(routes=[], principal_id="anonymous")
    return AuthResponse(
        routes=["*"],
        principal_id=claims["sub"],
        context={"scope": claims.get("scope", "")},
    )


def current_rider_id(request):
    return request.context["authorizer"]["principalId"]
