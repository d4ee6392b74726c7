"""One-click links in reminder e-mails ("Can't make it? Let the team know")."""
import time
from datetime import datetime, timedelta, timezone

import jwt
from django.conf import settings
from django.urls import reverse

RSVP_TTL = timedelta(days=21)


def make_rsvp_token(signup):
    now = datetime.now(tz=timezone.utc)
    payload = {"sub": str(signup.volunteer_id), "signup": signup.pk, "act": "decline", "iat": now, "exp": now + RSVP_TTL}
    return jwt.encode(payload, settings.SECRET_KEY, algorithm="HS256")


def decline_url(signup):
    return f"{settings.SITE_URL}{reverse('shift-decline')}?t={make_rsvp_token(signup)}"


def read_rsvp_token(token):
    """Claims of an RSVP link, or ``None`` if the link is malformed or has expired."""
    if not token:
        return None
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.DecodeError:
        return None
    if claims.get("act") != "decline" or claims.get("exp", 0) < time.time():
        return None
    return claims
