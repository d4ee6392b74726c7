from django.db import models

from tenants.models import TimeStampedModel


class Subscription(TimeStampedModel):
    tenant = models.OneToOneField("tenants.Tenant", on_delete=models.CASCADE, related_name="subscription")
    stripe_subscription_id = models.CharField(max_length=64, unique=True)
    stripe_price_id = models.CharField(max_length=64)
    status = models.CharField(max_length=32)
    current_period_end = models.DateTimeField(null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)

    @property
    def is_active(self):
        return self.status in ("active", "trialing", "past_due")


class FxRate(models.Model):
    base = models.CharField(max_length=3)
    quote = models.CharField(max_length=3)
    rate = models.DecimalField(max_digits=18, decimal_places=8)
    as_of = models.DateField()

    class Meta:
        unique_together = [("base", "quote", "as_of")]
        indexes = [models.Index(fields=["base", "quote", "-as_of"])]


class ProcessedStripeEvent(models.Model):
    event_id = models.CharField(max_length=64, unique=True)
    event_type = models.CharField(max_length=64)
    received_at = models.DateTimeField(auto_now_add=True)
