"""Stripe integration: hosted Checkout sessions and webhook verification."""
import hashlib
import hmac
import json
import logging
import time
from decimal import Decimal

import stripe

from . import settings

log = logging.getLogger(__name__)


class SignatureError(Exception):
    pass


def _stripe():
    if not settings.STRIPE_SECRET_KEY:
        raise RuntimeError("STRIPE_SECRET_KEY is not configured")
    stripe.api_key = settings.STRIPE_SECRET_KEY
    return stripe


def _minor_units(amount):
    return int((Decimal(amount) * 100).to_integral_value())


def create_checkout_session(order, lines, success_url, cancel_url):
    """Create a Stripe Checkout session for ``order`` and return its URL."""
    client = _stripe()
    line_items = [
        {
            "price_data": {
                "currency": order.currency.lower(),
                "unit_amount": _minor_units(line["variant"].price),
                "product_data": {"name": f"{line['product'].title} ({line['variant'].label})"},
            },
            "quantity": line["quantity"],
        }
        for line in lines
    ]
    session = client.checkout.Session.create(
        mode="payment",
        customer_email=order.email,
        client_reference_id=order.reference,
        line_items=line_items,
        metadata={"order_id": str(order.id)},
        success_url=f"{success_url}?ref={order.reference}",
        cancel_url=cancel_url,
    )
    return session.url


def _parse_signature_header(header):
    timestamp, signatures = None, []
    for item in (header or "").split(","):
        key, _, value = item.strip().partition("=")
        if key == "t":
            timestamp = value
        elif key == "v1":
            signatures.append(value)
    return timestamp, signatures


def verify_signature(payload, header, secret=None, tolerance=None):
    """Check a ``Stripe-Signature`` header and return the decoded event."""
    secret = secret or settings.STRIPE_WEBHOOK_SECRET
    tolerance = tolerance or settings.STRIPE_WEBHOOK_TOLERANCE
    if not secret:
        raise SignatureError("webhook secret is not configured")

    timestamp, signatures = _parse_signature_header(header)
    if not timestamp or not signatures:
        raise SignatureError("malformed signature header")
    try:
        age = abs(time.time() - int(timestamp))
    except ValueError:
        raise SignatureError("malformed timestamp") from None
    if age > tolerance:
        raise SignatureError("timestamp outside the tolerance zone")

    signed_payload = timestamp.encode("ascii") + b"." + payload
    expected = hmac.new(secret.encode("utf-8"), signed_payload, hashlib.sha256).hexdigest()
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise SignatureError("no matching signature")

    return json.loads(payload)


def refund(order, reason="requested_by_customer"):
    client = _stripe()
    if not order.payment_intent:
        raise ValueError(f"Order {order.reference} has no payment to refund")
    result = client.Refund.create(payment_intent=order.payment_intent, reason=reason)
    log.info("Refund %s created for order %s", result.id, order.reference)
    return result
