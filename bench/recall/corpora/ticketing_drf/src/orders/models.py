import secrets
import string
import uuid

from django.conf import settings
from django.db import models

REFERENCE_ALPHABET = string.ascii_uppercase + string.digits


def make_order_reference():
    return "TK-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(10))


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending payment"
        PAID = "paid", "Paid"
        CANCELLED = "cancelled", "Cancelled"
        REFUNDED = "refunded", "Refunded"

    reference = models.CharField(max_length=16, unique=True, default=make_order_reference, editable=False)
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders")
    event = models.ForeignKey("events.Event", on_delete=models.PROTECT, related_name="orders")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    total = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    currency = models.CharField(max_length=3, default="EUR")
    gift_message = models.TextField(blank=True)
    payment_intent_id = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.reference


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    ticket_type = models.ForeignKey("events.TicketType", on_delete=models.PROTECT)
    quantity = models.PositiveSmallIntegerField()
    unit_price = models.DecimalField(max_digits=8, decimal_places=2)


class Ticket(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="tickets")
    ticket_type = models.ForeignKey("events.TicketType", on_delete=models.PROTECT)
    holder_name = models.CharField(max_length=120, blank=True)
    seat = models.CharField(max_length=20, blank=True)
    transfer_token = models.UUIDField(default=uuid.uuid1, unique=True, editable=False)
    checked_in_at = models.DateTimeField(null=True, blank=True)

    def transfer_url(self):
        return f"{settings.FRONTEND_URL}/tickets/claim/{self.transfer_token}"
