import logging

import stripe
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework import permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.alerts import notify_ops

from .checkout import create_download_links
from .models import Order, OrderItem
from .tasks import send_order_confirmation

logger = logging.getLogger(__name__)


def _handle_checkout_completed(session):
    order = Order.objects.select_for_update().filter(stripe_session_id=session["id"]).first()
    if order is None:
        logger.warning("Checkout session %s has no matching order", session["id"])
        return
    if order.status == Order.Status.PAID:
        return
    intent = stripe.PaymentIntent.retrieve(session["payment_intent"], expand=["latest_charge"])
    card = intent.latest_charge.payment_method_details.card
    order.shipping_address = session.get("shipping_details") or {}
    order.save(update_fields=["shipping_address"])
    order.mark_paid(intent.id, card_last4=card.last4)
    logger.info("Payment succeeded for order %s (%s ending %s)", order.public_id, card.brand, card.last4)
    create_download_links(order)
    transaction.on_commit(lambda: send_order_confirmation.delay(order.pk))


@csrf_exempt
@require_POST
def stripe_webhook(request):
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(request.body, signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.error.SignatureVerificationError):
        logger.warning("Rejected Stripe webhook with a bad signature")
        return HttpResponseBadRequest()

    if event["type"] == "checkout.session.completed":
        with transaction.atomic():
            _handle_checkout_completed(event["data"]["object"])
    elif event["type"] == "charge.dispute.created":
        dispute = event["data"]["object"]
        notify_ops(f"Dispute opened on charge {dispute['charge']} ({dispute['reason']})")
    return HttpResponse(status=200)


class CarrierTrackingWebhook(APIView):
    """Status pushes from the shipping carrier's tracking API."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        supplied = request.headers.get("X-Carrier-Token", "")
        if not settings.CARRIER_WEBHOOK_TOKEN or supplied != settings.CARRIER_WEBHOOK_TOKEN:
            return Response(status=status.HTTP_403_FORBIDDEN)
        tracking_number = request.data.get("tracking_number", "")
        new_status = request.data.get("status", "")[:32]
        updated = OrderItem.objects.filter(tracking_number=tracking_number).update(carrier_status=new_status)
        if new_status == "delivered" and updated:
            logger.info("Tracking %s delivered at %s", tracking_number, timezone.now().isoformat())
        return Response({"updated": updated})
