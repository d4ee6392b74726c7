from django.db import models


class MonthlyStat(models.Model):
    tenant = models.ForeignKey("tenants.Tenant", on_delete=models.CASCADE, related_name="monthly_stats")
    month = models.DateField()
    invoiced_cents = models.BigIntegerField(default=0)
    paid_cents = models.BigIntegerField(default=0)
    invoice_count = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("tenant", "month")]
        ordering = ["-month"]
