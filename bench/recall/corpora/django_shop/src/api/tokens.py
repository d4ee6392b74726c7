"""Access tokens for the reading-list mobile app."""
import jwt
from django.conf import settings
from django.utils import timezone

ALGORITHM = "HS256"
AUDIENCE = "inkspine-reading-list"


def issue_access_token(user):
    now = timezone.now()
    payload = {
        "sub": str(user.pk),
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + settings.JWT_ACCESS_TTL,
    }
    return jwt.encode(payload, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def decode_access_token(token):
    return jwt.decode(
        token,
        settings.JWT_SIGNING_KEY,
        algorithms=[ALGORITHM],
        audience=AUDIENCE,
        options={"require": ["exp", "sub"]},
    )


def decode_for_refresh(token):
    """Accept a recently expired access token so the app can swap it for a new one."""
    return jwt.decode(
        token,
        settings.JWT_SIGNING_KEY,
        algorithms=[ALGORITHM],
        audience=AUDIENCE,
        options={"verify_exp": False},
    )
