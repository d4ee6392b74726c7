import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Cart(models.Model):
    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def total_cents(self):
        return sum(item.quantity * item.listing.price_cents for item in self.items.select_related("listing"))


class CartItem(models.Model):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="items")
    listing = models.ForeignKey("catalog.Listing", on_delete=models.CASCADE)
    quantity = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cart", "listing"], name="unique_cart_listing")]


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending payment"
        PAID = "paid", "Paid"
        REFUNDED = "refunded", "Refunded"
        CANCELLED = "cancelled", "Cancelled"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    buyer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    buyer_email = models.EmailField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    currency = models.CharField(max_length=3, default="EUR")
    total_cents = models.PositiveIntegerField(default=0)
    shipping_address = models.JSONField(default=dict, blank=True)
    stripe_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_payment_intent = models.CharField(max_length=255, blank=True)
    card_last4 = models.CharField(max_length=4, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def mark_paid(self, payment_intent, card_last4=""):
        self.status = self.Status.PAID
        self.stripe_payment_intent = payment_intent or ""
        self.card_last4 = card_last4 or ""
        self.paid_at = timezone.now()
        self.save(update_fields=["status", "stripe_payment_intent", "card_last4", "paid_at"])


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    listing = models.ForeignKey("catalog.Listing", on_delete=models.PROTECT)
    shop = models.ForeignKey("catalog.Shop", on_delete=models.PROTECT, related_name="order_items")
    quantity = models.PositiveIntegerField()
    unit_price_cents = models.PositiveIntegerField()
    tracking_number = models.CharField(max_length=64, blank=True, db_index=True)
    carrier_status = models.CharField(max_length=32, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)


class DownloadLink(models.Model):
    item = models.ForeignKey(OrderItem, on_delete=models.CASCADE, related_name="download_links")
    token = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    download_count = models.PositiveIntegerField(default=0)

    def is_valid(self):
        return self.expires_at > timezone.now() and self.download_count < 10
