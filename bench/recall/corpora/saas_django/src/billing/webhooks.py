import logging
from datetime import datetime, timezone

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from tenants.models import Tenant

from .models import ProcessedStripeEvent, Subscription

logger = logging.getLogger("ledgerly.billing")

PLAN_BY_PRICE = {price: plan for plan, price in settings.STRIPE_PRICE_IDS.items() if price}


def _ts(value):
    return datetime.fromtimestamp(value, tz=timezone.utc) if value else None


def _sync_subscription(sub):
    tenant_id = sub["metadata"].get("tenant_id")
    tenant = Tenant.objects.filter(pk=tenant_id).first()
    if tenant is None:
        logger.warning("Stripe subscription %s has no matching tenant", sub["id"])
        return
    price_id = sub["items"]["data"][0]["price"]["id"]
    Subscription.objects.update_or_create(
        tenant=tenant,
        defaults={
            "stripe_subscription_id": sub["id"],
            "stripe_price_id": price_id,
            "status": sub["status"],
            "current_period_end": _ts(sub.get("current_period_end")),
            "cancel_at_period_end": sub.get("cancel_at_period_end", False),
        },
    )
    tenant.plan = PLAN_BY_PRICE.get(price_id, tenant.plan)
    tenant.is_active = sub["status"] not in ("canceled", "unpaid")
    tenant.save(update_fields=["plan", "is_active"])


HANDLERS = {
    "customer.subscription.created": _sync_subscription,
    "customer.subscription.updated": _sync_subscription,
    "customer.subscription.deleted": _sync_subscription,
}


@csrf_exempt
@require_POST
def stripe_webhook(request):
    if not settings.STRIPE_WEBHOOK_SECRET:
        logger.error("STRIPE_WEBHOOK_SECRET is not configured; rejecting webhook")
        return HttpResponse(status=503)
    try:
        event = stripe.Webhook.construct_event(
            request.body,
            request.META.get("HTTP_STRIPE_SIGNATURE", ""),
            settings.STRIPE_WEBHOOK_SECRET,
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        return HttpResponse(status=400)

    handler = HANDLERS.get(event["type"])
    if handler is None:
        return HttpResponse(status=204)

    try:
        with transaction.atomic():
            ProcessedStripeEvent.objects.create(event_id=event["id"], event_type=event["type"])
            handler(event["data"]["object"])
    except IntegrityError:
        # Already processed (Stripe retries on timeouts).
        return HttpResponse(status=200)
    except Exception:
        logger.exception("Failed to process Stripe event %s (%s)", event["id"], event["type"])
        return JsonResponse({"error": "processing failed"}, status=500)

    return HttpResponse(status=200)
