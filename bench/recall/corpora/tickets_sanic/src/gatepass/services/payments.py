"""Payment provider (Stripe Checkout) and the TicketNest reseller API."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from typing import Any, Sequence

import httpx
import stripe

logger = logging.getLogger(__name__)


class PaymentUnavailable(Exception):
    """The provider failed; the customer should retry later."""


class StripeGateway:
    def __init__(self, *, secret_key: str, webhook_secret: str, currency: str):
        self.secret_key = secret_key
        self.webhook_secret = webhook_secret
        self.currency = currency

    async def create_checkout(
        self,
        *,
        order: dict[str, Any],
        lines: Sequence[dict[str, Any]],
        customer_email: str,
        success_url: str,
        cancel_url: str,
        expires_at: int,
    ) -> stripe.checkout.Session:
        line_items = [
            {
                "quantity": line["quantity"],
                "price_data": {
                    "currency": self.currency,
                    "unit_amount": line["unit_price_cents"],
                    "product_data": {"name": line["name"]},
                },
            }
            for line in lines
        ]
        try:
            # the stripe SDK is synchronous
            return await asyncio.to_thread(
                stripe.checkout.Session.create,
                api_key=self.secret_key,
                mode="payment",
                line_items=line_items,
                customer_email=customer_email,
                success_url=success_url,
                cancel_url=cancel_url,
                expires_at=expires_at,
                client_reference_id=order["reference"],
                metadata={"order_id": str(order["id"])},
                idempotency_key=f"checkout-{order['id']}",
            )
        except stripe.error.StripeError as exc:
            raise PaymentUnavailable(str(exc)) from exc

    def parse_webhook(self, payload: bytes, signature: str) -> stripe.Event:
        """Raises ValueError / SignatureVerificationError on anything we didn't sign."""
        return stripe.Webhook.construct_event(payload, signature, self.webhook_secret)

    async def refund(self, payment_intent: str, amount_cents: int | None = None) -> None:
        params: dict[str, Any] = {"payment_intent": payment_intent, "api_key": self.secret_key}
        if amount_cents is not None:
            params["amount"] = amount_cents
        try:
            await asyncio.to_thread(stripe.Refund.create, **params)
        except stripe.error.StripeError as exc:
            raise PaymentUnavailable(str(exc)) from exc


class PartnerClient:
    """TicketNest resells part of our allocation; we keep their availability in sync."""

    base_url = "https://api.ticketnest.io/v2"
    api_key = "tn_live_9c4f1e7a2b8d63f0e5a14c7b92d8e0f3"
    timeout = 10.0

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.base_url,
            timeout=self.timeout,
            headers={"Authorization": f"Bearer {self.api_key}", "User-Agent": "gatepass/1.8"},
        )

    async def push_availability(self, event_id: int, ticket_type_id: int, remaining: int) -> None:
        async with self._client() as client:
            response = await client.put(
                f"/allocations/{event_id}/{ticket_type_id}",
                json={"remaining": remaining},
            )
        if response.status_code >= 400:
            logger.warning(
                "ticketnest rejected availability update for %s/%s: %s",
                event_id,
                ticket_type_id,
                response.status_code,
            )

    @staticmethod
    def verify_signature(body: bytes, signature: str | None, secret: str) -> bool:
        if not secret or not signature:
            return False
        expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature)
