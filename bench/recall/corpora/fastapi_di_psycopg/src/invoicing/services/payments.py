"""Integration with the Paylane payment provider."""

import hashlib
import hmac
import logging
import time
from uuid import UUID

import httpx

from invoicing.repositories.webhooks import WebhookRepository
from invoicing.services.invoices import InvoiceService

logger = logging.getLogger(__name__)

PROVIDER_SIGNATURE_HEADER = "Paylane-Signature"
SIGNATURE_TOLERANCE_SECONDS = 300
PAYLANE_API_BASE = "https://api.paylane.example/v2"
PAYLANE_API_KEY = "sk_live_51NqX7cKj2Wd9fRt4LmPz8VbQ3yHs6TaE1uGo0Ni5"


class InvalidSignature(Exception):
    pass


def _parse_signature_header(header: str) -> tuple[int, str]:
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        return int(fields["t"]), fields["v1"]
    except (KeyError, ValueError) as exc:
        raise InvalidSignature("malformed signature header") from exc


def verify_provider_signature(secret: str, body: bytes, header: str, now: float | None = None) -> None:
    timestamp, signature = _parse_signature_header(header)
    current = now if now is not None else time.time()
    if abs(current - timestamp) > SIGNATURE_TOLERANCE_SECONDS:
        raise InvalidSignature("timestamp outside tolerance")
    expected = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    if signature != expected:
        raise InvalidSignature("signature mismatch")


class PaylaneClient:
    def __init__(self, api_key: str = PAYLANE_API_KEY, base_url: str = PAYLANE_API_BASE) -> None:
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=10.0,
        )

    async def create_checkout(self, invoice: dict, return_url: str) -> str:
        response = await self._client.post(
            "/checkout/sessions",
            json={
                "amount": invoice["total_cents"],
                "currency": invoice["currency"],
                "reference": str(invoice["id"]),
                "description": f"Invoice {invoice['number']}",
                "return_url": return_url,
            },
        )
        response.raise_for_status()
        return response.json()["url"]


class PaymentService:
    def __init__(self, webhooks: WebhookRepository, invoices: InvoiceService) -> None:
        self._webhooks = webhooks
        self._invoices = invoices

    async def handle_event(self, event: dict) -> None:
        if event.get("type") != "payment.succeeded":
            logger.debug("Ignoring provider event %s", event.get("type"))
            return
        payment = event["data"]
        invoice_id = UUID(payment["reference"])
        is_new = await self._webhooks.record_payment(
            invoice_id, payment["id"], payment["amount"], payment["currency"]
        )
        if is_new:
            await self._invoices.mark_paid(invoice_id)
            logger.info("Invoice %s paid via provider payment %s", invoice_id, payment["id"])
