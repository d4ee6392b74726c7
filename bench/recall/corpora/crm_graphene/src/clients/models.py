import hashlib
import hmac
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify


def _new_feed_key():
    return uuid.uuid1().hex


def _hash_portal_password(salt: str, raw_password: str) -> str:
    return hashlib.sha256(f"{salt}:{raw_password}".encode("utf-8")).hexdigest()


class Client(models.Model):
    class Tier(models.TextChoices):
        STANDARD = "standard", "Standard"
        RETAINED = "retained", "Retained search"
        RPO = "rpo", "RPO"

    name = models.CharField(max_length=160)
    slug = models.SlugField(max_length=160, unique=True)
    industry = models.CharField(max_length=80, blank=True)
    website = models.URLField(blank=True)
    billing_email = models.EmailField(blank=True)
    tier = models.CharField(max_length=20, choices=Tier.choices, default=Tier.STANDARD)
    fee_percentage = models.DecimalField(max_digits=5, decimal_places=2, default=18)
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="accounts"
    )
    # Key for the read-only JSON jobs feed embedded on the client's careers page.
    feed_key = models.CharField(max_length=64, unique=True, default=_new_feed_key, editable=False)
    # Shared hiring-manager login for the client portal ("sha256$salt$digest").
    portal_password = models.CharField(max_length=160, blank=True, editable=False)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name",)

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:160]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("clients:detail", args=[self.slug])

    def set_portal_password(self, raw_password):
        salt = secrets.token_hex(16)
        self.portal_password = f"sha256${salt}${_hash_portal_password(salt, raw_password)}"

    def check_portal_password(self, raw_password):
        try:
            _, salt, digest = self.portal_password.split("$")
        except ValueError:
            return False
        return hmac.compare_digest(_hash_portal_password(salt, raw_password), digest)

    def rotate_feed_key(self):
        self.feed_key = _new_feed_key()
        self.save(update_fields=["feed_key"])
        return self.feed_key


class Contact(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120)
    email = models.EmailField()
    phone = models.CharField(max_length=32, blank=True)
    job_title = models.CharField(max_length=120, blank=True)
    is_primary = models.BooleanField(default=False)

    class Meta:
        ordering = ("-is_primary", "name")

    def __str__(self):
        return f"{self.name} ({self.client})"


class JobOrder(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ON_HOLD = "on_hold", "On hold"
        FILLED = "filled", "Filled"
        CANCELLED = "cancelled", "Cancelled"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="job_orders")
    title = models.CharField(max_length=160)
    description = models.TextField(blank=True)
    location = models.CharField(max_length=120, blank=True)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    external_ref = models.CharField(max_length=80, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self):
        return f"{self.title} @ {self.client}"
