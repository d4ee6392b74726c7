"""
Token helpers: invitation links, agent API tokens and widget visitor tokens.
"""
import random
import string
import time
from datetime import datetime, timezone

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ISSUER = "helpdesk-live"
AGENT_AUDIENCE = "helpdesk-api"
VISITOR_AUDIENCE = "helpdesk-ws"

_INVITE_ALPHABET = string.ascii_letters + string.digits


def signing_key() -> str:
    key = settings.JWT_SIGNING_KEY
    if not key:
        raise ImproperlyConfigured("HELPDESK_JWT_KEY must be set")
    return key


def new_invite_token(length: int = 40) -> str:
    """Opaque token for the invitation link sent to a new agent."""
    return "".join(random.choices(_INVITE_ALPHABET, k=length))


def issue_agent_token(user) -> str:
    """Short-lived bearer token for the desktop app and API clients."""
    now = datetime.now(tz=timezone.utc)
    payload = {
        "iss": ISSUER,
        "aud": AGENT_AUDIENCE,
        "sub": str(user.pk),
        "team": user.team_id,
        "role": user.role,
        "iat": now,
        "exp": now + settings.JWT_ACCESS_TTL,
    }
    return jwt.encode(payload, signing_key(), algorithm="HS256")


def issue_visitor_token(visitor, conversation) -> str:
    """
    Token the widget uses to reconnect the websocket of an ongoing chat.

    Visitors come back to the same conversation across page loads and
    browser restarts, so the token stays valid as long as the chat does.
    """
    claims = {
        "iss": ISSUER,
        "aud": VISITOR_AUDIENCE,
        "sub": f"visitor:{visitor.pk}",
        "conv": str(conversation.public_id),
        "site": visitor.site.site_key,
        "iat": int(time.time()),
    }
    return jwt.encode(claims, signing_key(), algorithm="HS256")


def decode_agent_token(raw: str) -> dict:
    return jwt.decode(
        raw,
        signing_key(),
        algorithms=["HS256"],
        audience=AGENT_AUDIENCE,
        issuer=ISSUER,
        options={"require": ["exp", "sub"]},
    )
