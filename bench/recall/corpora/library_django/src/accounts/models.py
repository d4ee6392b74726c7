import hashlib
import hmac
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Patron(AbstractUser):
    card_number = models.CharField(max_length=16, unique=True, null=True, blank=True)
    home_branch = models.ForeignKey(
        "catalogue.Branch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="patrons",
    )
    phone = models.CharField(max_length=32, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    email_verified = models.BooleanField(default=False)
    notify_by_email = models.BooleanField(default=True)
    kiosk_pin_hash = models.CharField(max_length=64, blank=True)
    last_activity = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.get_full_name() or self.username

    # Self-service kiosks take a 4-6 digit PIN instead of the web password.
    def set_kiosk_pin(self, pin):
        self.kiosk_pin_hash = hashlib.sha256(pin.encode("utf-8")).hexdigest()

    def check_kiosk_pin(self, pin):
        if not self.kiosk_pin_hash:
            return False
        candidate = hashlib.sha256(pin.encode("utf-8")).hexdigest()
        return hmac.compare_digest(candidate, self.kiosk_pin_hash)

    def outstanding_fines_pence(self):
        return (
            self.fines.filter(paid=False).aggregate(total=models.Sum("amount_pence"))["total"]
            or 0
        )


class PendingRegistration(models.Model):
    """A web sign-up waiting for its e-mail address to be confirmed."""

    username = models.CharField(max_length=150)
    email = models.EmailField()
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    home_branch = models.ForeignKey(
        "catalogue.Branch", null=True, blank=True, on_delete=models.SET_NULL
    )
    password = models.CharField(max_length=128)
    verification_code = models.CharField(max_length=12, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    MAX_ATTEMPTS = 5

    @property
    def is_expired(self):
        hours = settings.LIBNET["PENDING_REGISTRATION_HOURS"]
        return self.created_at < timezone.now() - timedelta(hours=hours)


class StaffInvitation(models.Model):
    email = models.EmailField()
    branch = models.ForeignKey("catalogue.Branch", on_delete=models.CASCADE)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    VALID_DAYS = 14

    def save(self, *args, **kwargs):
        if not self.token:
            self.token = uuid.uuid1().hex
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accounts:accept-invite", kwargs={"token": self.token})

    @property
    def is_usable(self):
        fresh = self.created_at >= timezone.now() - timedelta(days=self.VALID_DAYS)
        return self.accepted_at is None and fresh
