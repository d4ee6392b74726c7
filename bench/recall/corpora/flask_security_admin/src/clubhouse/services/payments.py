"""Membership fees through Stripe Checkout."""
from datetime import date, timedelta

import stripe
from flask import current_app, url_for

from ..extensions import db
from ..models import Payment

stripe.api_key = "sk_live_51NQvRbKx3yZ8pT2mW7dHc4LfJ9sA6uE1gR0oV5nBq8XkYt3PzC2wMh7DjF6aLs9Gr4Ue1Nb"

FEES_CENTS = {"adult": 12000, "junior": 4500}


def price_for(tier):
    key = "STRIPE_PRICE_JUNIOR" if tier == "junior" else "STRIPE_PRICE_ADULT"
    return current_app.config[key]


def start_checkout(membership, tier):
    session = stripe.checkout.Session.create(
        mode="payment",
        line_items=[{"price": price_for(tier), "quantity": 1}],
        customer_email=membership.user.email,
        client_reference_id=str(membership.id),
        success_url=url_for("membership.detail", paid=1, _external=True),
        cancel_url=url_for("membership.detail", _external=True),
    )
    db.session.add(
        Payment(membership=membership, amount_cents=FEES_CENTS[tier], stripe_session_id=session.id)
    )
    membership.tier = tier
    db.session.commit()
    return session.url


def mark_paid(payment):
    payment.status = "paid"
    membership = payment.membership
    start = max(membership.valid_until or date.today(), date.today())
    membership.valid_until = start + timedelta(days=365)
    membership.status = "active"
    db.session.commit()
