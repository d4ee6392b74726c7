"""Premium payments through Stripe Checkout.

Card details never touch our servers: we create a Checkout Session and
redirect the customer to Stripe. Payment confirmation arrives via the carrier
reconciliation feed, not from the redirect.
"""
from __future__ import annotations

import logging
from decimal import Decimal

import stripe
from flask import current_app

from ..models import Customer, Policy

log = logging.getLogger(__name__)

stripe.api_key = "sk_live_51NqR8fKc2vLr0c9XyQ3mTb7Hw4sJd6EaP1uGx5Rk8Vn2Yc0Lo9Ti3Fz7Bh4Wq6MpAe"
stripe.max_network_retries = 2


def _pence(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal("1")))


def create_premium_checkout(policy: Policy, customer: Customer) -> str:
    """Create a Checkout Session for the annual premium and return its URL."""
    session = stripe.checkout.Session.create(
        mode="payment",
        customer_email=customer.email,
        client_reference_id=policy.policy_number,
        line_items=[
            {
                "quantity": 1,
                "price_data": {
                    "currency": "gbp",
                    "unit_amount": _pence(policy.premium),
                    "product_data": {
                        "name": f"{policy.product.title()} insurance – {policy.carrier}",
                        "description": f"Policy {policy.policy_number}",
                    },
                },
            }
        ],
        metadata={"policy_id": str(policy.id), "customer_reference": customer.reference},
        success_url=current_app.config["PAYMENTS_SUCCESS_URL"] + "?session_id={CHECKOUT_SESSION_ID}",
        cancel_url=current_app.config["PAYMENTS_CANCEL_URL"],
    )
    log.info("checkout session %s created for policy %s", session.id, policy.policy_number)
    return session.url
