from django.db import models
from django.urls import reverse

from tenants.models import TenantScopedModel, TimeStampedModel

from .managers import InvoiceManager


class Invoice(TenantScopedModel):
    STATUS_DRAFT = "draft"
    STATUS_SENT = "sent"
    STATUS_PAID = "paid"
    STATUS_OVERDUE = "overdue"
    STATUS_VOID = "void"
    STATUS_CHOICES = [
        (STATUS_DRAFT, "Draft"),
        (STATUS_SENT, "Sent"),
        (STATUS_PAID, "Paid"),
        (STATUS_OVERDUE, "Overdue"),
        (STATUS_VOID, "Void"),
    ]

    tenant = models.ForeignKey("tenants.Tenant", on_delete=models.CASCADE, related_name="invoices")
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="invoices")
    number = models.CharField(max_length=32)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=STATUS_DRAFT)
    currency = models.CharField(max_length=3, default="USD")
    issue_date = models.DateField()
    due_date = models.DateField()
    subtotal_cents = models.BigIntegerField(default=0)
    tax_cents = models.BigIntegerField(default=0)
    total_cents = models.BigIntegerField(default=0)
    paid_cents = models.BigIntegerField(default=0)
    notes = models.TextField(blank=True, help_text="Shown on the invoice. Basic HTML allowed.")
    sent_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL)

    objects = InvoiceManager()

    class Meta:
        ordering = ["-issue_date", "-number"]
        unique_together = [("tenant", "number")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("invoices:detail", args=[self.pk])

    def recalculate(self):
        items = list(self.items.all())
        self.subtotal_cents = sum(item.amount_cents for item in items)
        self.tax_cents = sum(item.tax_cents for item in items)
        self.total_cents = self.subtotal_cents + self.tax_cents

    @property
    def balance_cents(self):
        return self.total_cents - self.paid_cents


class LineItem(TimeStampedModel):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="items")
    description = models.CharField(max_length=500)
    quantity = models.DecimalField(max_digits=10, decimal_places=2, default=1)
    unit_price_cents = models.BigIntegerField()
    tax_rate = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    @property
    def amount_cents(self):
        return int(self.quantity * self.unit_price_cents)

    @property
    def tax_cents(self):
        return int(self.amount_cents * self.tax_rate / 100)
