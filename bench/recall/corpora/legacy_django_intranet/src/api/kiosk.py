"""Short-lived read-only tokens for the lobby information screens."""
from datetime import datetime, timedelta, timezone

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KIOSK_TOKEN_TTL = timedelta(minutes=15)
KIOSK_SCOPE = "kiosk:read"


def _signing_key():
    key = settings.KIOSK_SIGNING_KEY
    if len(key) < 32:
        raise ImproperlyConfigured("KIOSK_SIGNING_KEY must be set to at least 32 characters.")
    return key


def issue_kiosk_token(screen_id):
    now = datetime.now(tz=timezone.utc)
    payload = {"sub": f"kiosk:{screen_id}", "scope": KIOSK_SCOPE, "iat": now, "exp": now + KIOSK_TOKEN_TTL}
    return jwt.encode(payload, _signing_key(), algorithm="HS256")


def verify_kiosk_token(token):
    claims = jwt.decode(token, _signing_key(), algorithms=["HS256"], options={"require": ["exp", "sub", "scope"]})
    if claims["scope"] != KIOSK_SCOPE:
        raise jwt.InvalidTokenError("wrong scope")
    return claims
