import logging

import stripe
from flask import Blueprint, jsonify, request

from ..extensions import csrf
from ..services import payments

log = logging.getLogger(__name__)

webhooks_bp = Blueprint("webhooks", __name__)

HANDLED_EVENTS = {"payment_intent.succeeded", "payment_intent.payment_failed"}


@webhooks_bp.post("/stripe")
@csrf.exempt
def stripe_webhook():
    payload = request.get_data()
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = payments.construct_webhook_event(payload, signature)
    except (ValueError, stripe.error.SignatureVerificationError):
        log.warning("stripe webhook with bad signature")
        return jsonify(error="bad signature"), 400

    if event["type"] not in HANDLED_EVENTS:
        return jsonify(received=True)

    intent = event["data"]["object"]
    if event["type"] == "payment_intent.succeeded":
        payments.mark_paid(intent["id"])
    else:
        log.info("payment failed for intent %s", intent["id"])
    return jsonify(received=True)
