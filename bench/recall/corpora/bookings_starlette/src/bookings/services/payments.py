"""Thin client for the PayBridge hosted-checkout API."""
import hashlib
import hmac
import logging
import time
from decimal import Decimal

import httpx

from bookings import config

logger = logging.getLogger(__name__)

SIGNATURE_TOLERANCE = 300


class PaymentError(Exception):
    pass


class SignatureError(Exception):
    pass


class PayBridgeClient:
    def __init__(self, api_key: str, base_url: str, timeout: float = 10.0):
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {api_key}", "Accept": "application/json"},
            timeout=timeout,
        )

    async def close(self):
        await self._client.aclose()

    async def _post(self, path: str, payload: dict, idempotency_key: str = None) -> dict:
        headers = {}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        try:
            response = await self._client.post(path, json=payload, headers=headers)
        except httpx.HTTPError as exc:
            logger.warning("PayBridge %s failed: %s", path, exc.__class__.__name__)
            raise PaymentError("Payment provider unavailable") from exc
        if response.status_code >= 400:
            logger.warning("PayBridge %s returned %s", path, response.status_code)
            raise PaymentError(f"Payment provider error ({response.status_code})")
        return response.json()

    async def create_checkout(self, booking, customer_email: str, return_url: str) -> dict:
        minor_units = int((Decimal(booking["amount"]) * 100).to_integral_value())
        payload = {
            "amount": minor_units,
            "currency": config.CURRENCY,
            "reference": booking["reference"],
            "customer": {"email": customer_email},
            "description": f"Room booking {booking['reference']}",
            "success_url": return_url + "?status=success",
            "cancel_url": return_url + "?status=cancelled",
            "metadata": {"booking_id": booking["id"]},
        }
        key = hashlib.sha256(f"checkout:{booking['reference']}".encode()).hexdigest()
        return await self._post("/checkouts", payload, idempotency_key=key)

    async def refund(self, payment_id: str, amount=None) -> dict:
        payload = {"payment": payment_id}
        if amount is not None:
            payload["amount"] = int((Decimal(amount) * 100).to_integral_value())
        return await self._post("/refunds", payload)


def verify_webhook(body: bytes, header: str, secret: str, now: float = None) -> None:
    """Check a ``PayBridge-Signature: t=<ts>,v1=<hex>`` header."""
    if not header:
        raise SignatureError("missing signature")
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
        sent = parts["v1"]
    except (KeyError, ValueError):
        raise SignatureError("malformed signature header")
    now = now or time.time()
    if abs(now - timestamp) > SIGNATURE_TOLERANCE:
        raise SignatureError("stale signature")
    signed = f"{timestamp}.".encode() + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, sent):
        raise SignatureError("bad signature")


_client = None


def get_client() -> PayBridgeClient:
    global _client
    if _client is None:
        _client = PayBridgeClient(
            str(config.PAYBRIDGE_API_KEY), config.PAYBRIDGE_API_BASE, config.PAYBRIDGE_TIMEOUT
        )
    return _client


async def shutdown():
    if _client is not None:
        await _client.close()
