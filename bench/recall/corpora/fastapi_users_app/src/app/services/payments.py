"""Paddle Billing notifications: signature check and event parsing."""
import hashlib
import hmac
import time
import uuid
from dataclasses import dataclass
from decimal import Decimal

WEBHOOK_SIGNATURE_HEADER = "Paddle-Signature"
SIGNATURE_TOLERANCE_SECONDS = 5 * 60


def verify_signature(payload: bytes, header_value: str, secret: str, now: float | None = None) -> bool:
    """Check a ``ts=...;h1=...`` header against HMAC-SHA256(secret, "ts:" + body)."""
    parts = dict(item.split("=", 1) for item in header_value.split(";") if "=" in item)
    timestamp, received = parts.get("ts"), parts.get("h1")
    if not timestamp or not received or not timestamp.isdigit():
        return False
    if abs((now or time.time()) - int(timestamp)) > SIGNATURE_TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret.encode(), timestamp.encode() + b":" + payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, received)


@dataclass(frozen=True)
class CompletedTransaction:
    transaction_id: str
    invoice_id: uuid.UUID
    amount: Decimal
    currency: str
    card_last4: str | None


def parse_completed_transaction(event: dict) -> CompletedTransaction | None:
    if event.get("event_type") != "transaction.completed":
        return None
    data = event["data"]
    custom = data.get("custom_data") or {}
    if "invoice_id" not in custom:
        return None
    totals = data["details"]["totals"]
    payment = (data.get("payments") or [{}])[0]
    card = (payment.get("method_details") or {}).get("card") or {}
    return CompletedTransaction(
        transaction_id=data["id"],
        invoice_id=uuid.UUID(custom["invoice_id"]),
        # Paddle sends amounts in the lowest denomination
        amount=Decimal(totals["grand_total"]) / 100,
        currency=data["currency_code"],
        card_last4=card.get("last4"),
    )
