import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.utils import timezone


class Customer(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField()
    address = models.TextField(blank=True)
    vat_number = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Invoice(models.Model):
    DRAFT, SENT, PAID, VOID = "draft", "sent", "paid", "void"
    STATUS_CHOICES = [(DRAFT, "Draft"), (SENT, "Sent"), (PAID, "Paid"), (VOID, "Void")]

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(max_length=32, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="invoices")
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=DRAFT)
    issued_on = models.DateField(default=timezone.localdate)
    due_on = models.DateField()
    currency = models.CharField(max_length=3)
    total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    amount_paid = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    notes = models.TextField(blank=True)
    needs_review = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-number"]

    def __str__(self):
        return self.number

    @property
    def balance(self):
        return self.total - self.amount_paid

    def recalculate(self, save=True):
        self.total = sum((line.amount for line in self.lines.all()), Decimal("0"))
        self.amount_paid = self.payments.aggregate(s=Sum("amount"))["s"] or Decimal("0")
        if self.status == self.SENT and self.amount_paid >= self.total > 0:
            self.status = self.PAID
        if save:
            self.save(update_fields=["total", "amount_paid", "status"])


class LineItem(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    description = models.CharField(max_length=500)
    quantity = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("1"))
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    @property
    def amount(self):
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"))


class Payment(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="payments")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    received_on = models.DateField(default=timezone.localdate)
    method = models.CharField(max_length=20, default="bank_transfer")
    reference = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Quote(models.Model):
    SENT, ACCEPTED, DECLINED = "sent", "accepted", "declined"
    STATUS_CHOICES = [(SENT, "Awaiting decision"), (ACCEPTED, "Accepted"), (DECLINED, "Declined")]

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(max_length=32, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="quotes")
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=SENT)
    total = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    valid_until = models.DateField()
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by_email = models.EmailField(blank=True)

    def decide(self, *, accepted: bool, by_email: str) -> None:
        self.status = self.ACCEPTED if accepted else self.DECLINED
        self.decided_at = timezone.now()
        self.decided_by_email = by_email
        self.save(update_fields=["status", "decided_at", "decided_by_email"])


class InvoiceComment(models.Model):
    """A question or remark left by the customer from the portal."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="comments")
    author_name = models.CharField(max_length=200)
    author_email = models.EmailField()
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
