"""Order placement, gift cards and payment glue, kept out of the views."""
import hashlib
import random
import string
import time
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import transaction
from django.db.models import F

from catalog.models import Book

from .models import GiftCard, Order, OrderLine

GIFT_CARD_ALPHABET = string.ascii_uppercase.replace("O", "").replace("I", "") + "23456789"


def make_tracking_token(order):
    seed = f"{order.pk}:{order.email}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def generate_gift_card_code():
    groups = ("".join(random.choices(GIFT_CARD_ALPHABET, k=4)) for _ in range(4))
    return "-".join(groups)


def issue_gift_card(amount, recipient_email, purchased_by=None):
    return GiftCard.objects.create(
        code=generate_gift_card_code(),
        initial_value=amount,
        balance=amount,
        recipient_email=recipient_email,
        purchased_by=purchased_by,
    )


@transaction.atomic
def create_order_from_cart(cart, *, user, email, shipping, gift_card=None):
    order = Order.objects.create(user=user if user.is_authenticated else None, email=email, **shipping)
    subtotal = Decimal("0")
    for line in cart.lines():
        OrderLine.objects.create(order=order, book=line["book"], quantity=line["quantity"], unit_price=line["price"])
        subtotal += line["total"]

    redeemed = Decimal("0")
    if gift_card is not None:
        gift_card = GiftCard.objects.select_for_update().get(pk=gift_card.pk)
        redeemed = min(gift_card.balance, subtotal)
        gift_card.balance = F("balance") - redeemed
        gift_card.save(update_fields=["balance"])

    order.subtotal = subtotal
    order.gift_card_amount = redeemed
    order.total = subtotal - redeemed
    order.save(update_fields=["subtotal", "gift_card_amount", "total"])
    return order


def create_checkout_session(order, success_url, cancel_url):
    stripe.api_key = settings.STRIPE_SECRET_KEY
    session = stripe.checkout.Session.create(
        mode="payment",
        customer_email=order.email,
        client_reference_id=str(order.pk),
        line_items=[
            {
                "price_data": {
                    "currency": "gbp",
                    "unit_amount": int(order.total * 100),
                    "product_data": {"name": f"{settings.SHOP_NAME} order #{order.pk}"},
                },
                "quantity": 1,
            }
        ],
        success_url=success_url,
        cancel_url=cancel_url,
    )
    order.stripe_session_id = session.id
    order.save(update_fields=["stripe_session_id"])
    return session


@transaction.atomic
def mark_order_paid(stripe_session_id):
    order = Order.objects.select_for_update().filter(stripe_session_id=stripe_session_id).first()
    if order is None or order.status != Order.Status.PENDING:
        return order
    return complete_order(order)


@transaction.atomic
def complete_order(order):
    for line in order.lines.select_related("book"):
        Book.objects.filter(pk=line.book_id).update(stock=F("stock") - line.quantity)
    order.status = Order.Status.PAID
    order.save(update_fields=["status", "updated"])
    return order
