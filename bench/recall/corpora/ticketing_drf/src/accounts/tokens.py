"""Signed, short-lived tokens for e-mail verification links."""
import datetime as dt

import jwt
from django.conf import settings

VERIFY_AUDIENCE = "ticketing:verify-email"
VERIFY_TTL = dt.timedelta(hours=24)


def make_email_verification_token(user):
    now = dt.datetime.now(dt.timezone.utc)
    claims = {
        "sub": str(user.pk),
        "email": user.email,
        "aud": VERIFY_AUDIENCE,
        "iat": now,
        "exp": now + VERIFY_TTL,
    }
    return jwt.encode(claims, settings.EMAIL_TOKEN_KEY, algorithm="HS256")


def read_email_verification_token(token):
    """Return the claims, or raise ``jwt.InvalidTokenError``."""
    return jwt.decode(token, settings.EMAIL_TOKEN_KEY, algorithms=["HS256"], audience=VERIFY_AUDIENCE)
