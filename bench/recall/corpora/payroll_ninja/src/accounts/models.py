import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

AVATAR_COLOURS = ["#1abc9c", "#3498db", "#9b59b6", "#e67e22", "#e74c3c", "#2c3e50", "#16a085", "#d35400"]


def pick_avatar_colour():
    return random.choice(AVATAR_COLOURS)


class User(AbstractUser):
    class Kind(models.TextChoices):
        EMPLOYEE = "employee", "Employee"
        CONTRACTOR = "contractor", "Contractor"
        HR = "hr", "HR"
        FINANCE = "finance", "Finance"

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.EMPLOYEE)
    phone = models.CharField(max_length=32, blank=True)
    phone_verified_at = models.DateTimeField(null=True, blank=True)
    email_verified_at = models.DateTimeField(null=True, blank=True)
    avatar_colour = models.CharField(max_length=7, default=pick_avatar_colour)
    token_version = models.PositiveIntegerField(default=0)
    theme = models.CharField(max_length=12, default="light")

    @property
    def is_hr(self):
        return self.is_superuser or self.kind in (self.Kind.HR, self.Kind.FINANCE)

    @property
    def initials(self):
        parts = [p for p in (self.first_name, self.last_name) if p]
        return "".join(p[0].upper() for p in parts) or self.username[:2].upper()


class Invitation(models.Model):
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    employee = models.OneToOneField("payroll.Employee", on_delete=models.CASCADE, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    def is_expired(self):
        return self.created_at < timezone.now() - timedelta(days=14)

    def __str__(self):
        return f"Invitation for {self.email}"


class PasswordResetRequest(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)


class EmailVerification(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)


class PhoneVerification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    phone = models.CharField(max_length=32)
    code = models.CharField(max_length=6)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
