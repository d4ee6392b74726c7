"""Incoming webhooks from the payment provider."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from advanced_alchemy.exceptions import DuplicateKeyError
from litestar import Controller, Request, Response, post
from litestar.status_codes import HTTP_200_OK, HTTP_400_BAD_REQUEST
from sqlalchemy.ext.asyncio import AsyncSession

from studio.db.models import PaymentEvent
from studio.db.repositories import PaymentEventRepository
from studio.services.billing import InvoiceService, WebhookVerificationError, verify_webhook

logger = logging.getLogger(__name__)

HANDLED_EVENTS = {"checkout.session.completed", "checkout.session.async_payment_succeeded", "charge.refunded"}


class WebhookController(Controller):
    path = "/webhooks"
    include_in_schema = False

    @post("/payments", exclude_from_csrf=True, exclude_from_auth=True, status_code=HTTP_200_OK)
    async def payments(self, request: Request[Any, Any, Any], db_session: AsyncSession) -> Response[dict[str, str]]:
        payload = await request.body()
        try:
            event = verify_webhook(payload, request.headers.get("stripe-signature"))
        except WebhookVerificationError as exc:
            logger.warning(
                "rejected payment webhook: %s (request_id=%s, ip=%s)",
                exc,
                request.headers.get("x-request-id"),
                request.client.host if request.client else "-",
            )
            return Response({"error": "invalid signature"}, status_code=HTTP_400_BAD_REQUEST)

        event_type = event.get("type", "")
        obj = event.get("data", {}).get("object", {})
        if event_type not in HANDLED_EVENTS:
            return Response({"status": "ignored"})

        invoice_id = (obj.get("metadata") or {}).get("invoice_id") or obj.get("client_reference_id")
        events = PaymentEventRepository(session=db_session)
        try:
            await events.add(
                PaymentEvent(
                    provider_event_id=event["id"],
                    event_type=event_type,
                    invoice_id=UUID(invoice_id) if invoice_id else None,
                    payload=event,
                ),
                auto_commit=True,
            )
        except DuplicateKeyError:
            # provider retries are expected; we've already processed this one
            return Response({"status": "duplicate"})

        if invoice_id and event_type != "charge.refunded":
            async with InvoiceService.new(session=db_session) as invoices:
                paid_at = datetime.fromtimestamp(event.get("created", 0), tz=UTC)
                invoice = await invoices.mark_paid(UUID(invoice_id), paid_at=paid_at)
            card = (obj.get("payment_method_details") or {}).get("card") or {}
            logger.info(
                "invoice %s paid via %s, card ending %s",
                invoice.number,
                card.get("brand", "unknown"),
                card.get("last4", "????"),
            )
        return Response({"status": "ok"})
