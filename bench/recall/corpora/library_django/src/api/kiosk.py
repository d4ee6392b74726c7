"""Short-lived tokens for a patron session at a self-service kiosk."""
from datetime import timedelta

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

KIOSK_ALGORITHM = "HS256"
KIOSK_AUDIENCE = "libnet-kiosk"


def _key():
    key = settings.KIOSK_TOKEN_KEY
    if not key or len(key) < 32:
        raise ImproperlyConfigured("KIOSK_TOKEN_KEY must be set to at least 32 characters")
    return key


def issue_kiosk_token(patron, device):
    now = timezone.now()
    payload = {
        "sub": str(patron.pk),
        "dev": device.pk,
        "aud": KIOSK_AUDIENCE,
        "iat": now,
        "exp": now + timedelta(minutes=settings.LIBNET["KIOSK_TOKEN_MINUTES"]),
    }
    return jwt.encode(payload, _key(), algorithm=KIOSK_ALGORITHM)


def decode_kiosk_token(token):
    return jwt.decode(
        token,
        _key(),
        algorithms=[KIOSK_ALGORITHM],
        audience=KIOSK_AUDIENCE,
        options={"require": ["exp", "sub", "dev"]},
    )
