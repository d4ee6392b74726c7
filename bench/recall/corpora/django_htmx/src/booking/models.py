from django.db import models
from django.utils import timezone


class BookingLink(models.Model):
    patient = models.ForeignKey("accounts.Patient", on_delete=models.CASCADE, related_name="booking_links")
    token = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def is_valid(self):
        return self.used_at is None and self.expires_at > timezone.now()


class BookingSession(models.Model):
    patient = models.ForeignKey("accounts.Patient", on_delete=models.CASCADE)
    key = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
