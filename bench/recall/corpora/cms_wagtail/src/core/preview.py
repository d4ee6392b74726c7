"""
Short-lived tokens that let the headless frontend fetch draft revisions for
Wagtail's preview panel.
"""

from datetime import datetime, timedelta, timezone

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREVIEW_TOKEN_TTL = timedelta(minutes=15)
PREVIEW_AUDIENCE = "artsboard-preview"


def _signing_key():
    key = settings.API_JWT_SIGNING_KEY
    if not key:
        raise ImproperlyConfigured("API_JWT_SIGNING_KEY is not set")
    return key


def make_preview_token(page, revision_id, user):
    now = datetime.now(tz=timezone.utc)
    payload = {
        "iss": settings.API_JWT_ISSUER,
        "aud": PREVIEW_AUDIENCE,
        "sub": str(user.pk),
        "page": page.pk,
        "rev": revision_id,
        "iat": now,
        "exp": now + PREVIEW_TOKEN_TTL,
    }
    return jwt.encode(payload, _signing_key(), algorithm="HS256")


def read_preview_token(token):
    """Return (page_id, revision_id) or raise jwt.InvalidTokenError."""
    claims = jwt.decode(
        token,
        _signing_key(),
        algorithms=["HS256"],
        audience=PREVIEW_AUDIENCE,
        issuer=settings.API_JWT_ISSUER,
        options={"require": ["exp", "iat", "sub"]},
    )
    return claims["page"], claims["rev"]
