import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .tokens import decode_access_token

FRONTEND_TOKEN_COOKIE = "ab_api_token"


class JWTAuthentication(BaseAuthentication):
    keyword = b"bearer"

    def _get_token(self, request):
        parts = get_authorization_header(request).split()
        if len(parts) == 2 and parts[0].lower() == self.keyword:
            return parts[1].decode("ascii", errors="ignore")
        return request.COOKIES.get(FRONTEND_TOKEN_COOKIE)

    def authenticate(self, request):
        token = self._get_token(request)
        if not token:
            return None
        try:
            claims = decode_access_token(token)
        except jwt.InvalidTokenError:
            raise exceptions.AuthenticationFailed("Invalid or expired token")

        User = get_user_model()
        try:
            user = User.objects.get(pk=claims["sub"], is_active=True)
        except (User.DoesNotExist, KeyError, ValueError):
            raise exceptions.AuthenticationFailed("Unknown user")
        return user, claims

    def authenticate_header(self, request):
        return 'Bearer realm="artsboard"'


class PartnerUser:
    """Stand-in user for venue partners pulling the events feed."""

    is_authenticated = True
    is_active = True
    is_staff = False
    pk = None

    def __str__(self):
        return "partner"


class PartnerKeyAuthentication(BaseAuthentication):
    header = "X-Partner-Key"

    def authenticate(self, request):
        provided = request.headers.get(self.header)
        if not provided:
            return None
        expected = settings.PARTNER_API_KEY
        if not expected or provided != expected:
            raise exceptions.AuthenticationFailed("Invalid partner key")
        return PartnerUser(), None
