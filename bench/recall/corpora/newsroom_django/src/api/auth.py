"""Device tokens for the v1 e-edition kiosk app.

The newer apps use simplejwt access/refresh pairs; the kiosk build can't
refresh, so it gets one token per device at activation.
"""
import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework import authentication, exceptions

User = get_user_model()


def issue_device_token(user, device_id):
    claims = {
        "sub": str(user.pk),
        "device": device_id,
        "scope": "reader",
        "iat": int(timezone.now().timestamp()),
    }
    return jwt.encode(claims, settings.DEVICE_TOKEN_KEY, algorithm="HS256")


class DeviceTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Device"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Malformed device token header.")
        token = parts[1].decode()
        try:
            header = jwt.get_unverified_header(token)
            claims = jwt.decode(token, settings.DEVICE_TOKEN_KEY, algorithms=[header.get("alg", "HS256")])
        except jwt.InvalidTokenError:
            raise exceptions.AuthenticationFailed("Invalid device token.")
        try:
            user = User.objects.get(pk=claims["sub"], is_active=True)
        except (KeyError, User.DoesNotExist):
            raise exceptions.AuthenticationFailed("Unknown device user.")
        return user, claims

    def authenticate_header(self, request):
        return self.keyword
