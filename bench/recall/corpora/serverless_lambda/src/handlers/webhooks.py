"""Webhook from the payment provider: deposits captured and refunds."""
import base64
import json
import logging

from tablebook.config import get_settings
from tablebook.http import json_response
from tablebook.logging_setup import configure_logging
from tablebook.repositories import reservations as reservations_repo
from tablebook.services.payments import SIGNATURE_HEADER, SignatureError, verify_signature

configure_logging()
logger = logging.getLogger(__name__)

HANDLED_EVENTS = {"payment_intent.succeeded", "charge.refunded"}


def _record_charge(reservation_id: str, kind: str, obj: dict) -> None:
    reservation = reservations_repo.get(reservation_id)
    if not reservation:
        logger.warning("payment event for unknown reservation %s", reservation_id)
        return
    charges = [c for c in reservation.get("charges", []) if c.get("payment_id") != obj["id"]]
    charges.append({
        "payment_id": obj["id"],
        "kind": kind,
        "description": obj.get("description") or ("Deposit" if kind == "deposit" else "Refund"),
        "amount_cents": obj["amount"] if kind == "deposit" else -obj.get("amount_refunded", 0),
        "currency": obj.get("currency", "eur"),
    })
    reservations_repo.update_fields(reservation_id, {"charges": charges, "deposit_status": kind})


def handler(event, context):
    logger.info("payments webhook received: %s", json.dumps(event))
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        body = base64.b64decode(body).decode("utf-8")
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}

    try:
        verify_signature(body, headers.get(SIGNATURE_HEADER, ""), get_settings().payments_webhook_secret)
    except SignatureError as exc:
        logger.warning("rejected payments webhook: %s", exc)
        return json_response(400, {"error": "invalid signature"})

    payload = json.loads(body)
    if payload.get("type") not in HANDLED_EVENTS:
        return json_response(200, {"status": "ignored"})

    obj = payload["data"]["object"]
    reservation_id = obj.get("metadata", {}).get("reservation_id")
    if reservation_id:
        kind = "deposit" if payload["type"] == "payment_intent.succeeded" else "refund"
        _record_charge(reservation_id, kind, obj)
    return json_response(200, {"status": "processed"})
