"""Bearer tokens for the doctors' mobile app and the calendar (ICS) feed."""
import jwt
from django.conf import settings
from django.utils import timezone

ALGORITHM = "HS256"
TOKEN_TYPE_ACCESS = "access"


def issue_access_token(user):
    now = timezone.now()
    claims = {
        "sub": str(user.pk),
        "role": user.role,
        "typ": TOKEN_TYPE_ACCESS,
        "iat": now,
        "exp": now + settings.JWT_ACCESS_TOKEN_LIFETIME,
    }
    return jwt.encode(claims, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def decode_access_token(token):
    return jwt.decode(
        token,
        settings.JWT_SIGNING_KEY,
        algorithms=[ALGORITHM],
        options={"require": ["exp", "sub"]},
    )


def issue_calendar_feed_token(user):
    claims = {"sub": str(user.pk), "scope": "calendar:read"}
    return jwt.encode(claims, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def decode_calendar_feed_token(token):
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=[header.get("alg", ALGORITHM)])
    if claims.get("scope") != "calendar:read":
        raise jwt.InvalidTokenError("wrong scope")
    return claims
