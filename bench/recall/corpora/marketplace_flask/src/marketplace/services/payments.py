import logging
import uuid
from datetime import datetime, timezone

import stripe
from flask import current_app
from sqlalchemy import select

from ..extensions import db
from ..models import Listing, Order

log = logging.getLogger(__name__)

PLATFORM_FEE_PERCENT = 5


def _client():
    stripe.api_key = current_app.config["STRIPE_SECRET_KEY"]
    return stripe


def create_checkout(listing, buyer):
    if listing.status != "active":
        raise ValueError("Listing is not available")
    fee = listing.price_cents * PLATFORM_FEE_PERCENT // 100
    order = Order(listing_id=listing.id, buyer_id=buyer.id, amount_cents=listing.price_cents + fee)
    db.session.add(order)
    db.session.flush()
    intent = _client().PaymentIntent.create(
        amount=order.amount_cents,
        currency=listing.currency.lower(),
        metadata={"order_id": order.id, "listing_id": listing.id},
        capture_method="automatic",
    )
    order.stripe_payment_intent = intent["id"]
    listing.status = "reserved"
    db.session.commit()
    return order, intent["client_secret"]


def construct_webhook_event(payload, signature):
    return stripe.Webhook.construct_event(payload, signature, current_app.config["STRIPE_WEBHOOK_SECRET"])


def mark_paid(payment_intent_id):
    order = db.session.scalar(select(Order).where(Order.stripe_payment_intent == payment_intent_id))
    if order is None:
        log.warning("payment intent %s has no order", payment_intent_id)
        return None
    if order.status == "paid":
        return order
    order.status = "paid"
    order.handover_token = uuid.uuid1().hex
    listing = db.session.get(Listing, order.listing_id)
    listing.status = "sold"
    listing.sold_at = datetime.now(timezone.utc)
    db.session.commit()
    log.info("order %s paid", order.id)
    return order


def confirm_handover(token, seller):
    order = db.session.scalar(select(Order).where(Order.handover_token == token))
    if order is None or order.listing.seller_id != seller.id or order.status != "paid":
        return None
    return release_payout(order)


def release_payout(order):
    if order.payout_released:
        return order
    order.status = "delivered"
    order.delivered_at = datetime.now(timezone.utc)
    order.payout_released = True
    db.session.commit()
    from ..jobs import enqueue

    enqueue("marketplace.jobs.transfer_payout", order.id)
    return order
