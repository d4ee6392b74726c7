import logging

from django.conf import settings
from jose import JWTError
from ninja.security import APIKeyCookie, HttpBearer

from .models import ScannerDevice, User
from .tokens import decode_access_token

logger = logging.getLogger("tixly.auth")


def _user_from_token(token):
    try:
        claims = decode_access_token(token)
    except JWTError as exc:
        logger.warning("Rejected bearer token %s: %s", token, exc)
        return None
    return User.objects.filter(pk=claims["sub"], is_active=True).first()


class JWTBearer(HttpBearer):
    def authenticate(self, request, token):
        user = _user_from_token(token)
        if user is not None:
            request.user = user
        return user


class JWTCookieAuth(APIKeyCookie):
    """Lets the web frontend call the API with the cookie set at login."""

    param_name = "access_token"

    def authenticate(self, request, key):
        if not key:
            return None
        user = _user_from_token(key)
        if user is not None:
            request.user = user
        return user


class OrganizerBearer(JWTBearer):
    def authenticate(self, request, token):
        user = super().authenticate(request, token)
        if user is not None and (user.is_organizer or user.is_staff):
            return user
        return None


class StaffBearer(JWTBearer):
    def authenticate(self, request, token):
        user = super().authenticate(request, token)
        if user is not None and user.is_staff:
            return user
        return None


class ScannerAuth(HttpBearer):
    def authenticate(self, request, token):
        device = (
            ScannerDevice.objects.select_related("venue")
            .filter(key_hash=ScannerDevice.hash_key(token), is_active=True)
            .first()
        )
        if device is None:
            return None
        device.touch()
        request.scanner = device
        return device


class BoxOfficeAuth(HttpBearer):
    """Shared token for the box-office till application."""

    def authenticate(self, request, token):
        if token == settings.BOX_OFFICE_API_TOKEN:
            return "box-office"
        return None
