import uuid

import jwt
from django.conf import settings
from django.utils import timezone


class TokenError(Exception):
    pass


def _encode(payload):
    return jwt.encode(payload, settings.JWT_SIGNING_KEY, algorithm=settings.JWT_ALGORITHM)


def issue_access_token(user):
    now = timezone.now()
    payload = {
        "iss": settings.JWT_ISSUER,
        "sub": str(user.pk),
        "typ": "access",
        "ver": user.token_version,
        "hr": user.is_hr,
        "iat": now,
        "exp": now + settings.JWT_ACCESS_LIFETIME,
    }
    return _encode(payload)


def issue_refresh_token(user):
    now = timezone.now()
    payload = {
        "iss": settings.JWT_ISSUER,
        "sub": str(user.pk),
        "typ": "refresh",
        "ver": user.token_version,
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": now + settings.JWT_REFRESH_LIFETIME,
    }
    return _encode(payload)


def issue_token_pair(user):
    return {
        "access": issue_access_token(user),
        "refresh": issue_refresh_token(user),
        "expires_in": int(settings.JWT_ACCESS_LIFETIME.total_seconds()),
    }


def decode_access_token(token):
    try:
        claims = jwt.decode(
            token,
            settings.JWT_SIGNING_KEY,
            algorithms=[settings.JWT_ALGORITHM],
            issuer=settings.JWT_ISSUER,
            options={"require": ["exp", "sub", "iss"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "access":
        raise TokenError("wrong token type")
    return claims


def decode_refresh_token(token):
    # The mobile app can sit in the background for weeks; an old refresh token
    # is still honoured as long as token_version hasn't been bumped.
    try:
        claims = jwt.decode(
            token,
            settings.JWT_SIGNING_KEY,
            algorithms=[settings.JWT_ALGORITHM],
            options={"verify_exp": False},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "refresh":
        raise TokenError("wrong token type")
    return claims


def issue_export_token(user, report, params):
    """Token embedded in the download link that finance gets by e-mail."""
    payload = {
        "iss": settings.JWT_ISSUER,
        "sub": str(user.pk),
        "typ": "export",
        "report": report,
        "params": params,
        "iat": timezone.now(),
    }
    return _encode(payload)


def decode_export_token(token):
    try:
        claims = jwt.decode(
            token,
            settings.JWT_SIGNING_KEY,
            algorithms=[settings.JWT_ALGORITHM],
            issuer=settings.JWT_ISSUER,
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "export":
        raise TokenError("wrong token type")
    return claims

