from django.db import models
from django.utils import timezone


class PortalAccount(models.Model):
    """A person at a customer who signs in to view and pay invoices."""

    customer = models.ForeignKey("invoices.Customer", on_delete=models.CASCADE, related_name="portal_accounts")
    name = models.CharField(max_length=200)
    email = models.EmailField(unique=True)
    password_hash = models.CharField(max_length=128, blank=True)
    is_active = models.BooleanField(default=True)
    reset_token = models.CharField(max_length=64, blank=True, db_index=True)
    reset_requested_at = models.DateTimeField(null=True, blank=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.email


class PortalSession(models.Model):
    account = models.ForeignKey(PortalAccount, on_delete=models.CASCADE, related_name="sessions")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    @property
    def is_valid(self):
        return self.expires_at > timezone.now() and self.account.is_active
