import uuid
from datetime import timedelta

from django.db import models
from django.utils import timezone

INVITE_TTL = timedelta(days=14)


def _new_signing_token() -> str:
    return uuid.uuid1().hex


class Lease(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PENDING_SIGNATURE = "pending_signature", "Waiting for signatures"
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    unit = models.ForeignKey("properties.Unit", on_delete=models.PROTECT, related_name="leases")
    primary_tenant = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="leases")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    monthly_rent = models.DecimalField(max_digits=10, decimal_places=2)
    deposit = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-start_date",)

    def __str__(self) -> str:
        return f"Lease {self.pk} for {self.unit}"


class LeaseInvite(models.Model):
    lease = models.ForeignKey(Lease, on_delete=models.CASCADE, related_name="invites")
    email = models.EmailField()
    code = models.CharField(max_length=16, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL)

    @property
    def is_expired(self) -> bool:
        return self.created_at + INVITE_TTL < timezone.now()

    def accept(self, user):
        self.accepted_at = timezone.now()
        self.accepted_by = user
        self.save(update_fields=["accepted_at", "accepted_by"])


class LeaseDocument(models.Model):
    lease = models.ForeignKey(Lease, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="leases/%Y/%m/")
    signing_token = models.CharField(max_length=64, unique=True, default=_new_signing_token, editable=False)
    envelope_id = models.CharField(max_length=64, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)


class Notice(models.Model):
    class Kind(models.TextChoices):
        RENT_INCREASE = "rent_increase", "Rent increase"
        ENTRY = "entry", "Notice of entry"
        GENERAL = "general", "General"

    lease = models.ForeignKey(Lease, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=24, choices=Kind.choices, default=Kind.GENERAL)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    effective_date = models.DateField(null=True, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
