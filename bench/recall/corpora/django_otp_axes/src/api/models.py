from django.conf import settings
from django.db import models


class UploadLink(models.Model):
    """One-time link texted to a claimant so they can photograph receipts on their phone."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    code = models.CharField(max_length=64, unique=True)
    claim = models.ForeignKey("expenses.Claim", null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
