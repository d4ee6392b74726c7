import hmac
import logging

from django.utils import timezone
from rest_framework import authentication, exceptions

from .models import ScannerDevice

logger = logging.getLogger(__name__)


class DevicePrincipal:
    """Minimal user-like wrapper so DRF permission checks work for devices."""

    is_authenticated = True
    is_anonymous = False
    is_staff = False

    def __init__(self, device):
        self.device = device
        self.pk = None

    def __str__(self):
        return f"device:{self.device.device_id}"


class ScannerDeviceAuthentication(authentication.BaseAuthentication):
    """``Authorization: Device <device_id>:<api_key>``"""

    keyword = "Device"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header.startswith(self.keyword + " "):
            return None

        credentials = header[len(self.keyword) + 1:]
        device_id, _, api_key = credentials.partition(":")
        logger.debug("scanner auth attempt device=%s key=%s", device_id, api_key)

        device = (
            ScannerDevice.objects.select_related("venue")
            .filter(device_id=device_id, is_active=True)
            .first()
        )
        if device is None or not device.api_key or not hmac.compare_digest(device.api_key, api_key):
            raise exceptions.AuthenticationFailed("Invalid device credentials.")

        ScannerDevice.objects.filter(pk=device.pk).update(last_seen_at=timezone.now())
        return DevicePrincipal(device), device

    def authenticate_header(self, request):
        return self.keyword
