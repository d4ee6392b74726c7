import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

RESET_CODE_LIFETIME = timedelta(minutes=30)


class User(AbstractUser):
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=32, blank=True)
    is_organizer = models.BooleanField(default=False)
    email_verified = models.BooleanField(default=False)
    email_verification_token = models.CharField(max_length=64, blank=True, db_index=True)
    marketing_opt_in = models.BooleanField(default=False)
    reminder_emails = models.BooleanField(default=True)

    class Meta:
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username


class PasswordResetCode(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reset_codes")
    code = models.CharField(max_length=16, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        get_latest_by = "created_at"

    @property
    def is_valid(self):
        return self.used_at is None and self.created_at >= timezone.now() - RESET_CODE_LIFETIME

    def mark_used(self):
        self.used_at = timezone.now()
        self.save(update_fields=["used_at"])


class ScannerDevice(models.Model):
    """A phone or handheld used by door staff to check tickets in."""

    name = models.CharField(max_length=100)
    venue = models.ForeignKey("venues.Venue", on_delete=models.CASCADE, related_name="scanners")
    key_prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.name} @ {self.venue}"

    @staticmethod
    def hash_key(raw_key):
        return hashlib.sha256(raw_key.encode()).hexdigest()

    @classmethod
    def create_with_key(cls, name, venue):
        raw_key = secrets.token_urlsafe(32)
        device = cls.objects.create(
            name=name,
            venue=venue,
            key_prefix=raw_key[:8],
            key_hash=cls.hash_key(raw_key),
        )
        return device, raw_key

    def touch(self):
        self.last_seen_at = timezone.now()
        self.save(update_fields=["last_seen_at"])
