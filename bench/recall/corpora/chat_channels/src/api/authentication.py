import hmac
import logging

import jwt
from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework import authentication, exceptions

from accounts.models import APIKey
from accounts.tokens import decode_agent_token

logger = logging.getLogger(__name__)

User = get_user_model()


class APIKeyAuthentication(authentication.BaseAuthentication):
    """
    ``Authorization: Api-Key hd_<prefix>_<secret>``

    The prefix is stored in clear to find the row, only a digest of the
    secret part is stored.
    """

    keyword = "Api-Key"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header.startswith(f"{self.keyword} "):
            return None

        raw = header[len(self.keyword) + 1 :].strip()
        try:
            _, prefix, secret = raw.split("_", 2)
        except ValueError:
            raise exceptions.AuthenticationFailed("Malformed API key")

        key = APIKey.objects.select_related("user").filter(prefix=prefix, revoked=False).first()
        if key is None or not hmac.compare_digest(key.hashed_key, APIKey.hash_secret(secret)):
            logger.info("Rejected API key with prefix %s", prefix)
            raise exceptions.AuthenticationFailed("Invalid API key")
        if not key.user.is_active:
            raise exceptions.AuthenticationFailed("User inactive")

        APIKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
        return key.user, key

    def authenticate_header(self, request):
        return self.keyword


class AgentJWTAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <jwt>`` issued by ObtainAgentTokenView."""

    keyword = "Bearer"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Invalid bearer header")

        try:
            claims = decode_agent_token(parts[1].decode())
        except jwt.ExpiredSignatureError:
            raise exceptions.AuthenticationFailed("Token expired")
        except jwt.InvalidTokenError:
            raise exceptions.AuthenticationFailed("Invalid token")

        user = User.objects.filter(pk=claims["sub"], is_active=True).first()
        if user is None:
            raise exceptions.AuthenticationFailed("Unknown user")
        return user, claims

    def authenticate_header(self, request):
        return self.keyword
