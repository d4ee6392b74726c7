from django.conf import settings
from django.db import models
from django.utils import timezone

from . import hashing


class Subscriber(models.Model):
    class Plan(models.TextChoices):
        NONE = "none", "Registered (free)"
        DIGITAL = "digital", "Digital"
        PRINT_DIGITAL = "print_digital", "Print + digital"

    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=80, blank=True)
    last_name = models.CharField(max_length=80, blank=True)
    password_hash = models.CharField(max_length=200, blank=True)
    plan = models.CharField(max_length=16, choices=Plan.choices, default=Plan.NONE)
    plan_expires_at = models.DateTimeField(null=True, blank=True)
    print_account_number = models.CharField(max_length=20, blank=True, help_text="From Circulation")
    stripe_customer_id = models.CharField(max_length=64, blank=True, db_index=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subscriber",
    )
    newsletters = models.ManyToManyField("newsletters.Newsletter", blank=True, related_name="subscribers")
    is_active = models.BooleanField(default=True)
    email_verified = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip() or self.email

    @property
    def has_active_plan(self):
        if self.plan == self.Plan.NONE:
            return False
        return self.plan_expires_at is None or self.plan_expires_at > timezone.now()

    def set_password(self, raw):
        self.password_hash = hashing.hash_password(raw)

    def check_password(self, raw):
        if not self.password_hash:
            return False
        return hashing.check_password(raw, self.password_hash)


class SubscriberSession(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="sessions")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    user_agent = models.CharField(max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    def __str__(self):
        return f"session for {self.subscriber_id}"


class PasswordResetCode(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="reset_codes")
    code = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def is_usable(self):
        fresh = self.created_at + settings.PASSWORD_RESET_CODE_TTL > timezone.now()
        return self.used_at is None and fresh
