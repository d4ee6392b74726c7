"""Checkout, guest order access and proof downloads."""
import datetime as dt
import logging
import os
import secrets
import uuid

import jwt

from .. import settings
from ..models import Order, OrderItem, database
from .cart import CartError

log = logging.getLogger(__name__)


def _new_reference():
    # Short, human friendly; only used on packing slips and in e-mails.
    return "INK-" + secrets.token_hex(4).upper()


def create_order(cart, email, shipping_name, shipping_address, customer=None, currency="EUR"):
    lines = cart.lines()
    if not lines:
        raise CartError("Your cart is empty.")

    with database.atomic():
        order = Order.create(
            reference=_new_reference(),
            customer=customer,
            email=email,
            total=cart.total(),
            currency=currency,
            shipping_name=shipping_name,
            shipping_address=shipping_address,
            access_token=uuid.uuid1().hex,
        )
        for line in lines:
            OrderItem.create(
                order=order,
                variant=line["variant"],
                quantity=line["quantity"],
                unit_price=line["variant"].price,
                personalisation=line["personalisation"],
            )
    log.info("Order %s created (%d lines, %s %s)", order.reference, len(lines), order.total, currency)
    return order


def order_for_token(token):
    return Order.get_or_none(Order.access_token == token)


def mark_paid(order, payment_intent):
    if order.status != "pending":
        return False
    order.status = "paid"
    order.payment_intent = payment_intent
    order.paid_at = dt.datetime.utcnow()
    order.save()
    return True


# ---------------------------------------------------------------------------
# Proof downloads
# ---------------------------------------------------------------------------

def download_url(base_url, item):
    claims = {"item": item.id, "order": item.order_id, "file": os.path.basename(item.proof_path)}
    token = jwt.encode(claims, settings.JWT_SECRET, algorithm="HS256")
    return f"{base_url.rstrip('/')}/downloads/{token}"


def resolve_download(token, proof_dir):
    try:
        claims = jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        return None
    item = OrderItem.get_or_none(OrderItem.id == claims.get("item"))
    if item is None or item.order_id != claims.get("order") or not item.proof_path:
        return None
    filename = os.path.basename(item.proof_path)
    if filename != claims.get("file"):
        return None
    return os.path.join(proof_dir, filename)
