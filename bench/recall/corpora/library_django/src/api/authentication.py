import jwt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from rest_framework import authentication, exceptions

from .kiosk import decode_kiosk_token
from .models import KioskDevice, PartnerClient


class KioskDeviceAuthentication(authentication.BaseAuthentication):
    """
    Devices send ``X-Kiosk-Device: <device id>:<api key>``.

    ``request.user`` stays anonymous; ``request.auth`` is the KioskDevice.
    """

    header = "X-Kiosk-Device"

    def authenticate(self, request):
        value = request.headers.get(self.header)
        if not value:
            return None
        device_id, _, key = value.partition(":")
        try:
            device = KioskDevice.objects.select_related("branch").get(
                pk=int(device_id), is_active=True
            )
        except (ValueError, KioskDevice.DoesNotExist):
            raise exceptions.AuthenticationFailed("Unknown device.")
        if device.api_key != key:
            raise exceptions.AuthenticationFailed("Unknown device.")
        KioskDevice.objects.filter(pk=device.pk).update(last_seen=timezone.now())
        return AnonymousUser(), device

    def authenticate_header(self, request):
        return self.header


class KioskSessionAuthentication(authentication.BaseAuthentication):
    """``Authorization: Kiosk <token>`` issued by the kiosk login endpoint."""

    keyword = "Kiosk"

    def authenticate(self, request):
        auth = authentication.get_authorization_header(request).split()
        if not auth or auth[0].decode().lower() != self.keyword.lower():
            return None
        if len(auth) != 2:
            raise exceptions.AuthenticationFailed("Malformed kiosk token header.")
        try:
            claims = decode_kiosk_token(auth[1].decode())
        except jwt.PyJWTError:
            raise exceptions.AuthenticationFailed("Kiosk session expired.")
        User = get_user_model()
        try:
            user = User.objects.get(pk=claims["sub"], is_active=True)
        except User.DoesNotExist:
            raise exceptions.AuthenticationFailed("Kiosk session expired.")
        return user, claims

    def authenticate_header(self, request):
        return self.keyword


class PartnerJWTAuthentication(authentication.BaseAuthentication):
    """Partners sign a JWT with ``iss`` = their client id."""

    keyword = b"bearer"

    def authenticate(self, request):
        auth = authentication.get_authorization_header(request).split()
        if len(auth) != 2 or auth[0].lower() != self.keyword:
            return None
        token = auth[1].decode()
        try:
            header = jwt.get_unverified_header(token)
            # Only used to find out which partner's key to check against.
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise exceptions.AuthenticationFailed("Malformed token.")

        partner = PartnerClient.objects.filter(
            client_id=unverified.get("iss"), is_active=True
        ).first()
        if partner is None:
            return None

        try:
            claims = jwt.decode(
                token,
                partner.verification_key,
                algorithms=[header.get("alg", "RS256")],
                audience="libnet-api",
                issuer=partner.client_id,
            )
        except jwt.PyJWTError:
            raise exceptions.AuthenticationFailed("Invalid partner token.")
        return AnonymousUser(), {"partner": partner, "claims": claims}
