"""Token handling and DRF authentication classes for the mobile app and kiosks."""
import logging
import secrets

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework import authentication, exceptions

logger = logging.getLogger("api.auth")

ALGORITHM = "HS256"
KIOSK_KEY_HEADER = "HTTP_X_KIOSK_KEY"


def issue_access_token(user):
    now = timezone.now()
    claims = {"sub": str(user.pk), "role": user.role, "iat": now, "type": "access"}
    claims["exp"] = now + settings.JWT_ACCESS_TOKEN_LIFETIME
    return jwt.encode(claims, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def issue_refresh_token(user, device_id):
    payload = {
        "sub": str(user.pk),
        "device": device_id,
        "type": "refresh",
        "jti": secrets.token_hex(16),
        "iat": timezone.now(),
    }
    return jwt.encode(payload, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def decode_access_token(token):
    return jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=[ALGORITHM])


def decode_refresh_token(token):
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=[header["alg"]])
    if claims.get("type") != "refresh":
        raise jwt.InvalidTokenError("Not a refresh token")
    return claims


def claims_from_stale_access_token(token):
    """Read an access token that may already have expired.

    The app calls this when it comes back from the background so the user
    does not have to sign in again after a long lesson.
    """
    decode_options = {"verify_exp": False}
    return jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=[ALGORITHM], options=decode_options)


class MobileJWTAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header.startswith(self.keyword + " "):
            return None
        token = header[len(self.keyword) + 1:].strip()
        try:
            claims = decode_access_token(token)
        except jwt.ExpiredSignatureError:
            raise exceptions.AuthenticationFailed("Access token expired.")
        except jwt.InvalidTokenError:
            logger.warning("Invalid access token presented from %s", request.META.get("REMOTE_ADDR"))
            raise exceptions.AuthenticationFailed("Invalid access token.")
        user = get_user_model().objects.filter(pk=claims["sub"], is_active=True).first()
        if user is None:
            raise exceptions.AuthenticationFailed("Unknown user.")
        return user, claims

    def authenticate_header(self, request):
        return self.keyword


class KioskPrincipal:
    """Stand-in user for requests made by a kiosk rather than a person."""

    is_authenticated = True
    is_active = True
    is_staff = False

    def __init__(self, kiosk_name):
        self.pk = f"kiosk:{kiosk_name}"
        self.kiosk_name = kiosk_name


class KioskApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        supplied = request.META.get(KIOSK_KEY_HEADER)
        if not supplied:
            return None
        if settings.KIOSK_API_KEY and supplied == settings.KIOSK_API_KEY:
            kiosk_name = request.META.get("HTTP_X_KIOSK_NAME", "unnamed")
            return KioskPrincipal(kiosk_name), None
        logger.info("Rejected kiosk request from %s: %s", request.META.get("REMOTE_ADDR"), dict(request.headers))
        raise exceptions.AuthenticationFailed("Bad kiosk key.")
