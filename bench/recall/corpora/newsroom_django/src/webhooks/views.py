"""Stripe billing events -> subscriber plans."""
import logging
from datetime import datetime, timezone as dt_timezone

import stripe
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from subscribers.models import Subscriber

logger = logging.getLogger(__name__)

stripe.api_key = settings.STRIPE_SECRET_KEY


def _subscriber_for(customer_id):
    subscriber = Subscriber.objects.filter(stripe_customer_id=customer_id).first()
    if subscriber is None:
        logger.warning("stripe event for unknown customer %s", customer_id)
    return subscriber


def _subscription_changed(subscription):
    subscriber = _subscriber_for(subscription["customer"])
    if subscriber is None:
        return
    price_id = subscription["items"]["data"][0]["price"]["id"]
    plan = settings.STRIPE_PRICE_PLANS.get(price_id)
    if plan is None:
        logger.warning("subscription %s uses unmapped price %s", subscription["id"], price_id)
        return
    period_end = datetime.fromtimestamp(subscription["current_period_end"], tz=dt_timezone.utc)
    if subscription["status"] in ("active", "trialing", "past_due"):
        subscriber.plan = plan
        subscriber.plan_expires_at = period_end
    else:
        subscriber.plan = Subscriber.Plan.NONE
        subscriber.plan_expires_at = None
    subscriber.save(update_fields=["plan", "plan_expires_at"])


def _subscription_deleted(subscription):
    subscriber = _subscriber_for(subscription["customer"])
    if subscriber is None:
        return
    subscriber.plan = Subscriber.Plan.NONE
    subscriber.plan_expires_at = None
    subscriber.save(update_fields=["plan", "plan_expires_at"])


HANDLERS = {
    "customer.subscription.created": _subscription_changed,
    "customer.subscription.updated": _subscription_changed,
    "customer.subscription.deleted": _subscription_deleted,
}


@csrf_exempt
@require_POST
def stripe_webhook(request):
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(request.body, signature, settings.STRIPE_WEBHOOK_SECRET)
    except ValueError:
        return HttpResponseBadRequest("invalid payload")
    except stripe.error.SignatureVerificationError:
        logger.warning("stripe webhook with a bad signature from %s", request.META.get("REMOTE_ADDR"))
        return HttpResponseBadRequest("bad signature")

    handler = HANDLERS.get(event["type"])
    if handler is None:
        return HttpResponse(status=204)
    with transaction.atomic():
        handler(event["data"]["object"])
    return HttpResponse(status=200)
