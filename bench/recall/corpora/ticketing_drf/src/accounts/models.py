import hashlib
import hmac
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=120, blank=True)
    email_verified = models.BooleanField(default=False)
    marketing_opt_in = models.BooleanField(default=False)
    is_organizer = models.BooleanField(default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    def __str__(self):
        return self.email


class PasswordResetCode(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reset_codes")
    code = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["user", "used_at"])]


def _device_digest(salt, raw_password):
    return hashlib.sha256(f"{salt}:{raw_password}".encode("utf-8")).hexdigest()


class ScannerDevice(models.Model):
    """A handheld gate scanner registered to a venue.

    Devices sign in once at the start of a shift with their device id and a
    password set by the venue manager, and receive an API key they send on
    every scan.
    """

    venue = models.ForeignKey("events.Venue", on_delete=models.CASCADE, related_name="scanners")
    label = models.CharField(max_length=80)
    device_id = models.CharField(max_length=40, unique=True)
    password_hash = models.CharField(max_length=200)
    api_key = models.CharField(max_length=64, unique=True, blank=True)
    is_active = models.BooleanField(default=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)

    def set_password(self, raw_password):
        salt = secrets.token_hex(16)
        self.password_hash = f"{salt}${_device_digest(salt, raw_password)}"

    def check_password(self, raw_password):
        salt, _, digest = self.password_hash.partition("$")
        return hmac.compare_digest(_device_digest(salt, raw_password), digest)

    def rotate_api_key(self):
        self.api_key = secrets.token_urlsafe(32)
        return self.api_key

    def __str__(self):
        return f"{self.label} ({self.device_id})"
