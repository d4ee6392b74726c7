import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting payment"
        PAID = "paid", "Paid"
        CANCELLED = "cancelled", "Cancelled"
        REFUNDED = "refunded", "Refunded"
        EXPIRED = "expired", "Expired"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders", null=True)
    event = models.ForeignKey("events.Event", on_delete=models.PROTECT, related_name="orders")
    email = models.EmailField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    total = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("0.00"))
    currency = models.CharField(max_length=3, default="EUR")
    payment_intent_id = models.CharField(max_length=64, blank=True, db_index=True)
    card_last4 = models.CharField(max_length=4, blank=True)
    channel = models.CharField(max_length=16, default="web")
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Order #{self.pk} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("orders:detail", args=[self.pk])

    @property
    def is_paid(self):
        return self.status == self.Status.PAID

    def recalculate_total(self):
        self.total = sum((item.unit_price * item.quantity for item in self.items.all()), Decimal("0.00"))
        return self.total


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    ticket_type = models.ForeignKey("events.TicketType", on_delete=models.PROTECT, related_name="order_items")
    quantity = models.PositiveSmallIntegerField()
    unit_price = models.DecimalField(max_digits=8, decimal_places=2)

    @property
    def subtotal(self):
        return self.unit_price * self.quantity


class Ticket(models.Model):
    order_item = models.ForeignKey(OrderItem, on_delete=models.CASCADE, related_name="tickets")
    event = models.ForeignKey("events.Event", on_delete=models.PROTECT, related_name="tickets")
    code = models.CharField(max_length=32, unique=True, editable=False)
    holder_name = models.CharField(max_length=150, blank=True)
    holder_email = models.EmailField(blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        "accounts.ScannerDevice", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.event} – {self.code[:8]}"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = uuid.uuid1().hex
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # shareable link, works without logging in so friends can open their ticket
        return reverse("orders:ticket", args=[self.code])

    def reissue_code(self):
        self.code = ""
        self.checked_in_at = None
        self.save()
