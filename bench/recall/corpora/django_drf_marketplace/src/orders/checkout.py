"""Stripe Checkout, receipts and digital downloads."""
import logging
import secrets
from datetime import timedelta

import jwt
import stripe
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import DownloadLink, Order, OrderItem

logger = logging.getLogger(__name__)

stripe.api_key = settings.STRIPE_SECRET_KEY

RECEIPT_ALGORITHM = "HS256"
DOWNLOAD_LINK_TTL = timedelta(days=7)


class CheckoutError(Exception):
    pass


@transaction.atomic
def create_order_from_cart(cart, email, buyer=None):
    items = list(cart.items.select_related("listing", "listing__shop"))
    if not items:
        raise CheckoutError("Your cart is empty.")
    order = Order.objects.create(buyer=buyer, buyer_email=email, currency=items[0].listing.currency)
    total = 0
    for item in items:
        listing = item.listing
        if listing.quantity < item.quantity:
            raise CheckoutError(f"Only {listing.quantity} of {listing.title} left.")
        OrderItem.objects.create(
            order=order, listing=listing, shop=listing.shop,
            quantity=item.quantity, unit_price_cents=listing.price_cents,
        )
        total += item.quantity * listing.price_cents
    order.total_cents = total
    order.save(update_fields=["total_cents"])
    return order


def start_checkout_session(order, success_url, cancel_url):
    line_items = [
        {
            "price_data": {
                "currency": order.currency.lower(),
                "unit_amount": item.unit_price_cents,
                "product_data": {"name": item.listing.title},
            },
            "quantity": item.quantity,
        }
        for item in order.items.select_related("listing")
    ]
    session = stripe.checkout.Session.create(
        mode="payment",
        line_items=line_items,
        customer_email=order.buyer_email,
        client_reference_id=str(order.public_id),
        shipping_address_collection={"allowed_countries": ["DE", "FR", "NL", "BE", "AT", "IE", "GB"]},
        success_url=success_url,
        cancel_url=cancel_url,
        idempotency_key=f"order-{order.public_id}",
    )
    order.stripe_session_id = session.id
    order.save(update_fields=["stripe_session_id"])
    return session.url


def make_receipt_token(order):
    """Token for the 'view your order' link in the confirmation email (guests have no account)."""
    payload = {
        "sub": str(order.public_id),
        "email": order.buyer_email,
        "purpose": "receipt",
        "iat": int(timezone.now().timestamp()),
    }
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=RECEIPT_ALGORITHM)


def read_receipt_token(token):
    try:
        payload = jwt.decode(token, settings.SECRET_KEY, algorithms=[RECEIPT_ALGORITHM])
    except jwt.InvalidTokenError:
        return None
    if payload.get("purpose") != "receipt":
        return None
    return Order.objects.filter(public_id=payload["sub"]).first()


def receipt_url(order):
    return settings.FRONTEND_URL + reverse("orders:receipt", kwargs={"token": make_receipt_token(order)})


def create_download_links(order):
    links = []
    for item in order.items.filter(listing__is_digital=True):
        links.append(
            DownloadLink.objects.create(
                item=item,
                token=secrets.token_hex(4),
                expires_at=timezone.now() + DOWNLOAD_LINK_TTL,
            )
        )
    return links
