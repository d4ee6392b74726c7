"""Card payments through the card-present terminal API and online checkout."""
import hashlib
import hmac
import logging
import time

import requests

from kiosk import config
from kiosk.services import bookings

log = logging.getLogger(__name__)

SIGNATURE_TOLERANCE = 300


class PaymentError(Exception):
    pass


def _api():
    session = requests.Session()
    session.auth = (config.PAYMENT_SECRET_KEY, "")
    session.headers["User-Agent"] = "palace-kiosk/1.4"
    return session


def _post(path, data):
    resp = _api().post(config.PAYMENT_API_URL + path, data=data, timeout=20)
    if resp.status_code >= 400:
        detail = resp.json().get("error", {}).get("message", "payment provider error")
        raise PaymentError(detail)
    return resp.json()


def start_terminal_payment(booking, reader_id):
    intent = _post("/payment_intents", {
        "amount": booking.total_cents,
        "currency": "gbp",
        "payment_method_types[]": "card_present",
        "capture_method": "automatic",
        "metadata[booking_id]": booking.id,
        "metadata[reference]": booking.reference,
        "metadata[customer_name]": booking.customer_name,
    })
    _post("/terminal/readers/%s/process_payment_intent" % reader_id, {"payment_intent": intent["id"]})
    return intent["id"]


def start_checkout(booking, success_url, cancel_url):
    session = _post("/checkout/sessions", {
        "mode": "payment",
        "success_url": success_url,
        "cancel_url": cancel_url,
        "line_items[0][price_data][currency]": "gbp",
        "line_items[0][price_data][unit_amount]": booking.total_cents,
        "line_items[0][price_data][product_data][name]": "Tickets %s" % booking.reference,
        "line_items[0][quantity]": 1,
        "metadata[booking_id]": booking.id,
        "metadata[customer_name]": booking.customer_name,
        "payment_intent_data[metadata][booking_id]": booking.id,
        "payment_intent_data[metadata][customer_name]": booking.customer_name,
    })
    return session["url"]


def refund(payment_ref, amount_cents):
    if not payment_ref:
        raise PaymentError("booking has no payment to refund")
    return _post("/refunds", {"payment_intent": payment_ref, "amount": amount_cents})


def verify_webhook(payload, signature_header):
    parts = dict(item.split("=", 1) for item in (signature_header or "").split(",") if "=" in item)
    timestamp, signature = parts.get("t"), parts.get("v1")
    if not timestamp or not signature:
        return False
    if abs(time.time() - int(timestamp)) > SIGNATURE_TOLERANCE:
        return False
    signed = timestamp.encode("ascii") + b"." + payload
    expected = hmac.new(config.PAYMENT_WEBHOOK_SECRET.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def handle_event(event):
    kind = event.get("type")
    obj = event.get("data", {}).get("object", {})
    if kind == "payment_intent.succeeded":
        booking_id = int(obj.get("metadata", {}).get("booking_id", 0))
        card = (obj.get("charges", {}).get("data") or [{}])[0].get("payment_method_details", {})
        last4 = (card.get("card_present") or card.get("card") or {}).get("last4", "????")
        if bookings.confirm_payment(booking_id, obj["id"]):
            log.info("payment %s approved for booking %s, card ending %s", obj["id"], booking_id, last4)
        return True
    if kind == "payment_intent.payment_failed":
        log.warning("payment %s failed: %s", obj.get("id"), obj.get("last_payment_error", {}).get("code"))
        return True
    return False
