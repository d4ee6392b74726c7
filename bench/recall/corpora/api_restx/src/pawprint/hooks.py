"""Inbound webhooks from the payment provider.

Stripe signs every delivery with ``Stripe-Signature: t=<ts>,v1=<hmac>``; we
verify it here rather than pulling in the SDK's webhook helper so the
blueprint can be unit tested without network access.
"""
import hashlib
import hmac
import json
import logging
import time

from flask import Blueprint, abort, current_app, jsonify, request

from .billing.repository import InvoiceRepository
from .extensions import csrf

log = logging.getLogger(__name__)

hooks_bp = Blueprint("hooks", __name__)


def _parse_signature_header(header):
    parts = {}
    for item in header.split(","):
        key, _, value = item.partition("=")
        parts.setdefault(key.strip(), []).append(value.strip())
    return parts


def verify_stripe_signature(payload: bytes, header: str, secret: str, tolerance: int) -> bool:
    if not header or not secret:
        return False
    parts = _parse_signature_header(header)
    try:
        timestamp = int(parts["t"][0])
    except (KeyError, ValueError, IndexError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    signed = f"{timestamp}.".encode() + payload
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, candidate) for candidate in parts.get("v1", []))


@hooks_bp.route("/payments", methods=["POST"])
@csrf.exempt
def payment_webhook():
    payload = request.get_data()
    header = request.headers.get("Stripe-Signature", "")
    secret = current_app.config["PAYMENT_WEBHOOK_SECRET"]
    if not verify_stripe_signature(payload, header, secret, current_app.config["PAYMENT_WEBHOOK_TOLERANCE"]):
        log.warning("Rejected payment webhook with bad signature from %s", request.remote_addr)
        abort(400)

    event = json.loads(payload)
    event_type = event.get("type")
    data = event.get("data", {}).get("object", {})
    invoice_number = (data.get("metadata") or {}).get("invoice_number")
    repo = InvoiceRepository()

    if event_type == "payment_intent.succeeded" and invoice_number:
        repo.record_payment(
            invoice_number,
            amount_cents=data["amount_received"],
            provider_ref=data["id"],
            method="card",
        )
    elif event_type == "payment_intent.payment_failed" and invoice_number:
        repo.mark_payment_failed(invoice_number, provider_ref=data["id"])
    elif event_type == "charge.refunded" and invoice_number:
        repo.record_refund(invoice_number, amount_cents=data["amount_refunded"], provider_ref=data["id"])
    else:
        log.debug("Ignoring webhook event %s", event_type)

    return jsonify(received=True)
