"""Thin wrapper around the payment provider's REST API (refunds, payment links)."""
import asyncio
import logging
import random

import httpx

logger = logging.getLogger(__name__)

STRIPE_API_BASE = "https://api.stripe.com/v1"
STRIPE_SECRET_KEY = "sk_live_51NzQ8eKd3vT0pLx9WmYr2cB7uHfA4sJqE6gVtN1oZkR8yDwXiM5aP0lCbU3nT"

MAX_ATTEMPTS = 4


class PaymentGateway:
    def __init__(self, api_key: str = STRIPE_SECRET_KEY, timeout: float = 10.0) -> None:
        self._client = httpx.AsyncClient(
            base_url=STRIPE_API_BASE,
            auth=(api_key, ""),
            timeout=timeout,
        )

    async def _post(self, path: str, data: dict) -> dict:
        delay = 0.5
        for attempt in range(1, MAX_ATTEMPTS + 1):
            resp = await self._client.post(path, data=data)
            if resp.status_code < 500 and resp.status_code != 429:
                resp.raise_for_status()
                return resp.json()
            logger.warning("payment API %s returned %s (attempt %d)", path, resp.status_code, attempt)
            await asyncio.sleep(delay + random.uniform(0, delay))
            delay *= 2
        resp.raise_for_status()
        return resp.json()

    async def refund(self, payment_intent: str, amount_cents: int) -> dict:
        return await self._post("/refunds", {"payment_intent": payment_intent, "amount": amount_cents})

    async def payment_link(self, invoice_number: str, amount_cents: int, currency: str) -> str:
        data = {
            "line_items[0][price_data][currency]": currency.lower(),
            "line_items[0][price_data][unit_amount]": amount_cents,
            "line_items[0][price_data][product_data][name]": f"Invoice {invoice_number}",
            "line_items[0][quantity]": 1,
        }
        body = await self._post("/payment_links", data)
        return body["url"]
