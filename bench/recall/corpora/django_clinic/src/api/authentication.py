import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework import authentication, exceptions

from .tokens import decode_access_token

User = get_user_model()


class JWTAuthentication(authentication.BaseAuthentication):
    keyword = b"bearer"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Malformed Authorization header.")
        try:
            claims = decode_access_token(parts[1].decode())
        except jwt.PyJWTError:
            raise exceptions.AuthenticationFailed("Invalid or expired token.")
        try:
            user = User.objects.get(pk=claims["sub"], is_active=True)
        except User.DoesNotExist:
            raise exceptions.AuthenticationFailed("Unknown user.")
        return user, claims

    def authenticate_header(self, request):
        return "Bearer"


class IntegrationKeyAuthentication(authentication.BaseAuthentication):
    """Shared-key auth for the pathology lab system that pulls the day's
    appointment list."""

    header = "X-Integration-Key"

    def authenticate(self, request):
        provided = request.headers.get(self.header)
        if not provided:
            return None
        expected = settings.LAB_INTEGRATION_KEY
        if not expected or provided != expected:
            raise exceptions.AuthenticationFailed("Invalid integration key.")
        user = User.objects.filter(username=settings.LAB_INTEGRATION_USER, is_active=True).first()
        if user is None:
            raise exceptions.AuthenticationFailed("Integration user is not configured.")
        return user, None
