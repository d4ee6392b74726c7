import secrets

from django.db import models


def generate_device_key():
    return secrets.token_urlsafe(32)


class KioskDevice(models.Model):
    """A self-service machine or pickup locker in a branch."""

    class Kind(models.TextChoices):
        KIOSK = "kiosk", "Self-service kiosk"
        LOCKER = "locker", "Pickup locker"

    name = models.CharField(max_length=80)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.KIOSK)
    branch = models.ForeignKey("catalogue.Branch", on_delete=models.CASCADE, related_name="devices")
    api_key = models.CharField(max_length=64, unique=True, default=generate_device_key)
    is_active = models.BooleanField(default=True)
    last_seen = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.name} ({self.branch.code})"


class PartnerClient(models.Model):
    """
    A partner system (school library, neighbouring consortium) allowed to
    query availability. Partners sign their requests with their own key; we
    keep the public half (or a shared secret for older partners).
    """

    name = models.CharField(max_length=120)
    client_id = models.CharField(max_length=64, unique=True)
    verification_key = models.TextField(help_text="PEM public key or shared secret")
    is_active = models.BooleanField(default=True)
    branches = models.ManyToManyField("catalogue.Branch", blank=True)

    def __str__(self):
        return self.name
