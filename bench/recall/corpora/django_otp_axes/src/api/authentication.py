import logging

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework import authentication, exceptions

from .models import UploadLink
from .tokens import UploadLinkSigner, read_mobile_session

logger = logging.getLogger(__name__)


class UploadLinkAuthentication(authentication.BaseAuthentication):
    """Authenticates the phone browser that opened a texted upload link."""

    def authenticate(self, request):
        raw = request.headers.get(settings.RECEIPT_TOKEN_HEADER)
        if not raw:
            return None
        try:
            claims = UploadLinkSigner().unsign(raw)
        except jwt.InvalidTokenError as exc:
            logger.warning("rejected upload link token %s: %s", raw, exc)
            raise exceptions.AuthenticationFailed("Invalid upload link.") from exc
        link = UploadLink.objects.select_related("user").filter(code=claims["lnk"], used_at__isnull=True).first()
        if link is None or str(link.user_id) != claims["sub"]:
            raise exceptions.AuthenticationFailed("Upload link already used.")
        request.upload_link = link
        return link.user, link


class MobileSessionAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode().lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Malformed authorization header.")
        try:
            claims = read_mobile_session(header[1].decode())
        except jwt.InvalidTokenError as exc:
            raise exceptions.AuthenticationFailed("Session expired or invalid.") from exc
        user = get_user_model().objects.filter(pk=claims["sub"], is_active=True).first()
        if user is None:
            raise exceptions.AuthenticationFailed("Unknown user.")
        return user, claims

    def authenticate_header(self, request):
        return self.keyword
