from datetime import datetime, timezone

from django.conf import settings
from jose import JWTError, jwt

ACCESS = "access"
REFRESH = "refresh"


def _now():
    return datetime.now(tz=timezone.utc)


def _encode(claims):
    return jwt.encode(claims, settings.JWT_SIGNING_KEY, algorithm=settings.JWT_ALGORITHM)


def issue_access_token(user):
    now = _now()
    claims = {
        "sub": str(user.pk),
        "email": user.email,
        "org": user.is_organizer,
        "staff": user.is_staff,
        "type": ACCESS,
        "iat": now,
        "exp": now + settings.JWT_ACCESS_TTL,
    }
    return _encode(claims)


def issue_refresh_token(user):
    now = _now()
    claims = {
        "sub": str(user.pk),
        "type": REFRESH,
        "iat": now,
        "exp": now + settings.JWT_REFRESH_TTL,
    }
    return _encode(claims)


def issue_token_pair(user):
    return {
        "access": issue_access_token(user),
        "refresh": issue_refresh_token(user),
        "token_type": "bearer",
        "expires_in": int(settings.JWT_ACCESS_TTL.total_seconds()),
    }


def decode_access_token(token):
    claims = jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=[settings.JWT_ALGORITHM])
    if claims.get("type") != ACCESS:
        raise JWTError("not an access token")
    return claims


def decode_refresh_token(token):
    # mobile clients keep refresh tokens across app updates; we check the account instead
    claims = jwt.decode(
        token,
        settings.JWT_SIGNING_KEY,
        algorithms=[settings.JWT_ALGORITHM],
        options={"verify_exp": False},
    )
    if claims.get("type") != REFRESH:
        raise JWTError("not a refresh token")
    return claims
