"""Inbound webhooks: Stripe payments and the shipping carrier."""
import hashlib
import hmac
import logging

import stripe
from flask import Blueprint, abort, current_app, jsonify, request

from ..extensions import csrf
from ..repositories import OrderRepository
from ..services import gift_cards, mailer, payments

logger = logging.getLogger(__name__)

bp = Blueprint("webhooks", __name__)


@bp.route("/stripe", methods=["POST"])
@csrf.exempt
def stripe_webhook():
    try:
        event = payments.construct_webhook_event(request.get_data(), request.headers.get("Stripe-Signature", ""))
    except (ValueError, stripe.error.SignatureVerificationError):
        logger.warning("rejected stripe webhook with bad signature")
        abort(400)

    if event["type"] == "checkout.session.completed":
        _handle_checkout_completed(event["data"]["object"])
    else:
        logger.debug("ignoring stripe event %s (%s)", event["id"], event["type"])
    return jsonify(received=True)


def _handle_checkout_completed(checkout_session):
    repo = OrderRepository()
    order = repo.get_by_stripe_session(checkout_session["id"])
    if order is None:
        logger.error("no order for stripe session %s", checkout_session["id"])
        return
    if not repo.mark_paid(order["id"], checkout_session.get("payment_intent")):
        return  # already processed (Stripe retries deliveries)
    items = repo.items(order["id"])
    codes = gift_cards.issue_for_order(order, items)
    mailer.send_template(
        order["email"],
        f"Thanks for your order {order['number']}",
        "emails/order_confirmation",
        order=order,
        items=items,
        gift_codes=codes,
    )


@bp.route("/shipping", methods=["POST"])
@csrf.exempt
def shipping_webhook():
    secret = current_app.config["SHIPPING_WEBHOOK_SECRET"].encode("utf-8")
    expected = hmac.new(secret, request.get_data(), hashlib.sha256).hexdigest()
    if not secret or not hmac.compare_digest(expected, request.headers.get("X-Carrier-Signature", "")):
        abort(401)
    payload = request.get_json(force=True)
    updated = OrderRepository().set_tracking(payload["reference"], payload["tracking_number"])
    return jsonify(updated=bool(updated))
