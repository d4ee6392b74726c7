from django.db import models


class KioskVisit(models.Model):
    """A student tapping in at the library or canteen kiosk."""

    student = models.ForeignKey("students.Student", on_delete=models.CASCADE, related_name="kiosk_visits")
    kiosk = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)


class MobileDevice(models.Model):
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="devices")
    device_id = models.CharField(max_length=64)
    platform = models.CharField(max_length=16, blank=True)
    last_seen = models.DateTimeField(auto_now=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        unique_together = [("user", "device_id")]
