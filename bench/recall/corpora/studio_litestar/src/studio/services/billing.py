"""Billing: invoice numbering, listing and sending, Stripe checkout and webhook verification.

We talk to the Stripe REST API with httpx instead of the SDK so the client stays async.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import random
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
from advanced_alchemy.service import SQLAlchemyAsyncRepositoryService
from sqlalchemy import func, select

from studio.config.settings import PaymentSettings, get_settings
from studio.db import raw
from studio.db.models import Invoice, InvoiceStatus
from studio.db.repositories import InvoiceRepository
from studio.services.mailer import Mailer

logger = logging.getLogger(__name__)

DEFAULT_PAYMENT_TERMS = timedelta(days=14)


class InvoiceStateError(Exception):
    pass


class InvoiceService(SQLAlchemyAsyncRepositoryService[Invoice]):
    repository_type = InvoiceRepository

    async def listing(
        self,
        studio_id: UUID,
        status: str | None = None,
        sort: str = "issued",
        descending: bool = True,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        return await raw.list_invoices(
            self.repository.session, studio_id, status, sort=sort, descending=descending, limit=limit, offset=offset
        )

    async def revenue(self, studio_id: UUID, since: date) -> list[dict[str, Any]]:
        return await raw.monthly_revenue(self.repository.session, studio_id, since)

    async def next_number(self, studio_id: UUID, year: int) -> str:
        prefix = f"{year}-"
        count = await self.repository.session.scalar(
            select(func.count()).where(Invoice.studio_id == studio_id, Invoice.number.startswith(prefix))
        )
        return f"{prefix}{(count or 0) + 1:04d}"

    async def issue(self, invoice: Invoice, mailer: Mailer, portal_url: str) -> Invoice:
        if invoice.status not in {InvoiceStatus.DRAFT, InvoiceStatus.SENT}:
            raise InvoiceStateError(f"cannot send an invoice that is {invoice.status.value}")
        today = datetime.now(tz=UTC).date()
        invoice.issued_at = invoice.issued_at or today
        invoice.due_date = invoice.due_date or today + DEFAULT_PAYMENT_TERMS
        invoice.status = InvoiceStatus.SENT
        invoice = await self.update(invoice, auto_commit=True)
        await mailer.send_template(
            to=invoice.client.email,
            subject=f"Invoice {invoice.number}",
            template="invoice.html",
            context={"invoice": invoice, "client": invoice.client, "link": f"{portal_url}/invoices/{invoice.id}"},
        )
        return invoice

    async def mark_paid(self, invoice_id: UUID, paid_at: datetime | None = None) -> Invoice:
        invoice = await self.get(invoice_id)
        if invoice.status == InvoiceStatus.PAID:
            return invoice
        invoice.status = InvoiceStatus.PAID
        invoice.paid_at = paid_at or datetime.now(tz=UTC)
        logger.info("invoice %s marked paid", invoice.number)
        return await self.update(invoice, auto_commit=True)


# --- payment provider ------------------------------------------------------------------


class PaymentProviderError(Exception):
    def __init__(self, message: str, status: int | None = None, body: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class WebhookVerificationError(Exception):
    pass


@dataclass(slots=True)
class CheckoutSession:
    id: str
    url: str


class PaymentClient:
    max_retries = 3

    def __init__(self, settings: PaymentSettings | None = None) -> None:
        self.settings = settings or get_settings().payments
        if self.settings.api_key is None:
            raise PaymentProviderError("payments are not configured")
        self._headers = {
            "Authorization": f"Bearer {self.settings.api_key.get_secret_value()}",
            "Stripe-Version": "2024-06-20",
        }
        self._http = httpx.AsyncClient(base_url=self.settings.api_base, timeout=15.0)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _request(self, method: str, path: str, data: dict[str, Any], idempotency_key: str) -> dict[str, Any]:
        headers = {**self._headers, "Idempotency-Key": idempotency_key}
        logger.debug("stripe %s %s headers=%s", method, path, headers)
        for attempt in range(1, self.max_retries + 1):
            try:
                resp = await self._http.request(method, path, data=data, headers=headers)
            except httpx.TransportError as exc:
                if attempt == self.max_retries:
                    raise PaymentProviderError(f"network error talking to provider: {exc}") from exc
            else:
                if resp.status_code < 500:
                    body = resp.json()
                    if resp.is_error:
                        raise PaymentProviderError(
                            body.get("error", {}).get("message", "provider rejected the request"),
                            status=resp.status_code,
                            body=body,
                        )
                    return body
                if attempt == self.max_retries:
                    raise PaymentProviderError("provider unavailable", status=resp.status_code)
            # exponential backoff with jitter so retries from several workers don't align
            await asyncio.sleep((2**attempt) * 0.25 + random.uniform(0, 0.5))
        raise PaymentProviderError("unreachable")

    async def create_checkout_session(self, invoice: Invoice, success_url: str, cancel_url: str) -> CheckoutSession:
        data = {
            "mode": "payment",
            "success_url": success_url,
            "cancel_url": cancel_url,
            "client_reference_id": str(invoice.id),
            "customer_email": invoice.client.email,
            "line_items[0][quantity]": 1,
            "line_items[0][price_data][currency]": invoice.currency,
            "line_items[0][price_data][unit_amount]": invoice.amount_cents,
            "line_items[0][price_data][product_data][name]": f"Invoice {invoice.number}",
            "metadata[invoice_id]": str(invoice.id),
        }
        idempotency_key = f"checkout-{invoice.id}-{secrets.token_hex(8)}"
        body = await self._request("POST", "/checkout/sessions", data, idempotency_key)
        return CheckoutSession(id=body["id"], url=body["url"])


def verify_webhook(payload: bytes, signature_header: str | None, settings: PaymentSettings | None = None) -> dict[str, Any]:
    """Check a `Stripe-Signature` header (t=timestamp,v1=hex-hmac) and return the parsed event."""
    settings = settings or get_settings().payments
    if settings.webhook_secret is None:
        raise WebhookVerificationError("webhook secret not configured")
    if not signature_header:
        raise WebhookVerificationError("missing signature header")

    parts: dict[str, list[str]] = {}
    for item in signature_header.split(","):
        key, _, value = item.strip().partition("=")
        parts.setdefault(key, []).append(value)
    try:
        timestamp = int(parts["t"][0])
    except (KeyError, ValueError) as exc:
        raise WebhookVerificationError("malformed signature header") from exc
    if abs(time.time() - timestamp) > settings.webhook_tolerance_seconds:
        raise WebhookVerificationError("timestamp outside tolerance")

    signed = f"{timestamp}.".encode() + payload
    expected = hmac.new(settings.webhook_secret.get_secret_value().encode(), signed, hashlib.sha256).hexdigest()
    if not any(hmac.compare_digest(expected, candidate) for candidate in parts.get("v1", [])):
        raise WebhookVerificationError("signature mismatch")
    return json.loads(payload)
