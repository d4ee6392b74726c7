"""Inbound webhooks: Stripe and the TicketNest reseller."""
from __future__ import annotations

import logging

import stripe
from sanic import Blueprint, Request
from sanic.response import text
from sanic.views import HTTPMethodView

from gatepass.repositories.base import transaction
from gatepass.repositories.events import EventRepository
from gatepass.security.csrf import csrf_exempt
from gatepass.services.checkout import CheckoutService
from gatepass.services.payments import PartnerClient

logger = logging.getLogger(__name__)

bp = Blueprint("webhooks", url_prefix="/webhooks")


class StripeWebhook(HTTPMethodView):
    decorators = [csrf_exempt]

    async def post(self, request: Request):
        signature = request.headers.get("stripe-signature", "")
        try:
            event = request.app.ctx.payments.parse_webhook(request.body, signature)
        except (ValueError, stripe.error.SignatureVerificationError):
            logger.warning("rejected stripe webhook with a bad signature")
            return text("invalid signature", status=400)

        kind = event["type"]
        obj = event["data"]["object"]
        if kind == "checkout.session.completed" and obj.get("payment_status") == "paid":
            await CheckoutService(request.app).fulfil(obj["id"], obj.get("payment_intent"))
        elif kind == "checkout.session.expired":
            logger.info("checkout session %s expired", obj["id"])
        else:
            logger.debug("ignoring stripe event %s", kind)
        return text("ok")


class TicketNestWebhook(HTTPMethodView):
    decorators = [csrf_exempt]

    async def post(self, request: Request):
        valid = PartnerClient.verify_signature(
            request.body,
            request.headers.get("x-ticketnest-signature"),
            request.app.config.PARTNER_WEBHOOK_SECRET,
        )
        if not valid:
            return text("forbidden", status=403)

        payload = request.json or {}
        if payload.get("type") != "sale":
            return text("ignored")

        events = EventRepository(request.app.ctx.db)
        async with transaction(request.app.ctx.db) as conn:
            for line in payload.get("lines", []):
                await events.adjust_sold(conn, int(line["ticket_type_id"]), int(line["quantity"]))
        logger.info("recorded ticketnest sale %s", payload.get("id"))
        return text("ok")


bp.add_route(StripeWebhook.as_view(), "/stripe")
bp.add_route(TicketNestWebhook.as_view(), "/ticketnest")
