from django.db import models
from django_tenants.models import DomainMixin, TenantMixin


class Client(TenantMixin):
    """A customer workspace. Each one lives in its own PostgreSQL schema."""

    PLAN_CHOICES = [
        ("trial", "Trial"),
        ("starter", "Starter"),
        ("growth", "Growth"),
        ("scale", "Scale"),
    ]

    name = models.CharField(max_length=200)
    plan = models.CharField(max_length=20, choices=PLAN_CHOICES, default="trial")
    created_on = models.DateField(auto_now_add=True)

    paddle_customer_id = models.CharField(max_length=64, blank=True)
    paddle_subscription_id = models.CharField(max_length=64, blank=True)
    subscription_status = models.CharField(max_length=32, default="trialing")

    invoice_prefix = models.CharField(max_length=32, default="INV-")
    default_currency = models.CharField(max_length=3, default="EUR")

    sso_enabled = models.BooleanField(default=False)
    sso_issuer = models.URLField(blank=True)
    sso_authorization_endpoint = models.URLField(blank=True)
    sso_client_id = models.CharField(max_length=200, blank=True)
    sso_public_key = models.TextField(blank=True, help_text="PEM-encoded key the IdP signs ID tokens with.")

    auto_create_schema = True
    auto_drop_schema = False

    def __str__(self):
        return self.name


class Domain(DomainMixin):
    verified_at = models.DateTimeField(null=True, blank=True)
