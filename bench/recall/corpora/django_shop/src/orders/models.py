from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse

from catalog.models import Book


class OrderQuerySet(models.QuerySet):
    def paid(self):
        return self.filter(status__in=[Order.Status.PAID, Order.Status.SHIPPED, Order.Status.DELIVERED])

    def awaiting_dispatch(self):
        return self.filter(status=Order.Status.PAID).order_by("created")


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting payment"
        PAID = "paid", "Paid"
        SHIPPED = "shipped", "Shipped"
        DELIVERED = "delivered", "Delivered"
        CANCELLED = "cancelled", "Cancelled"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="orders"
    )
    email = models.EmailField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    shipping_name = models.CharField(max_length=120)
    shipping_address = models.TextField()
    shipping_postcode = models.CharField(max_length=12)
    shipping_country = models.CharField(max_length=2, default="GB")
    gift_message = models.TextField(blank=True, max_length=600)
    subtotal = models.DecimalField(max_digits=9, decimal_places=2, default=Decimal("0"))
    gift_card_amount = models.DecimalField(max_digits=9, decimal_places=2, default=Decimal("0"))
    total = models.DecimalField(max_digits=9, decimal_places=2, default=Decimal("0"))
    stripe_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    tracking_token = models.CharField(max_length=64, blank=True, db_index=True)
    carrier_reference = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Order #{self.pk}"

    def get_tracking_url(self):
        return reverse("orders:track", kwargs={"token": self.tracking_token})


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    book = models.ForeignKey(Book, on_delete=models.PROTECT, related_name="order_lines")
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=7, decimal_places=2)

    @property
    def line_total(self):
        return self.unit_price * self.quantity


class GiftCard(models.Model):
    code = models.CharField(max_length=19, unique=True)
    initial_value = models.DecimalField(max_digits=7, decimal_places=2)
    balance = models.DecimalField(max_digits=7, decimal_places=2)
    purchased_by = models.ForeignKey(Order, null=True, blank=True, on_delete=models.SET_NULL)
    recipient_email = models.EmailField()
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Gift card ending {self.code[-4:]}"
