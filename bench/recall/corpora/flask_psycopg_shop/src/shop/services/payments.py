"""Stripe Checkout integration."""
import logging

import stripe
from flask import current_app

logger = logging.getLogger(__name__)


def _stripe():
    stripe.api_key = current_app.config["STRIPE_SECRET_KEY"]
    stripe.max_network_retries = 2
    return stripe


def create_checkout_session(order, items, success_url, cancel_url):
    line_items = [
        {
            "quantity": item["quantity"],
            "price_data": {
                "currency": current_app.config["SHOP_CURRENCY"],
                "unit_amount": item["unit_price_cents"],
                "product_data": {"name": item["name"]},
            },
        }
        for item in items
    ]
    session = _stripe().checkout.Session.create(
        mode="payment",
        line_items=line_items,
        customer_email=order["email"],
        client_reference_id=order["number"],
        metadata={"order_id": str(order["id"])},
        success_url=success_url,
        cancel_url=cancel_url,
    )
    logger.info("stripe checkout session %s created for order %s", session.id, order["number"])
    return session


def construct_webhook_event(payload, signature_header):
    """Verify the Stripe-Signature header and parse the event."""
    return _stripe().Webhook.construct_event(
        payload, signature_header, current_app.config["STRIPE_WEBHOOK_SECRET"]
    )


def refund_payment(payment_intent_id, amount_cents=None):
    params = {"payment_intent": payment_intent_id}
    if amount_cents is not None:
        params["amount"] = amount_cents
    return _stripe().Refund.create(**params)
