from django.conf import settings
from django.db import models
from django.utils import timezone


class Invitation(models.Model):
    """Sent by HR to a new hire so they can choose their intranet password."""

    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True)
    employee = models.OneToOneField(
        "directory.Employee", null=True, blank=True, on_delete=models.CASCADE, related_name="invitation"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation for {self.email}"

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()


class AccessRequest(models.Model):
    """A contractor asking for an intranet account; IT approves it in the admin."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_request")
    company = models.CharField(max_length=120)
    sponsor_email = models.EmailField(help_text="Employee responsible for the contractor.")
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user} ({self.company})"
