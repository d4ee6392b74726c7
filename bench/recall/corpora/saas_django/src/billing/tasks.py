import logging
import random

import stripe
from celery import shared_task

from . import stripe_client
from .models import Subscription
from .webhooks import _sync_subscription

logger = logging.getLogger("ledgerly.billing")


@shared_task(bind=True, max_retries=4)
def refresh_subscription(self, subscription_id):
    try:
        sub = stripe_client.retrieve_subscription(subscription_id)
    except stripe.error.RateLimitError as exc:
        # Spread retries out so a burst of jobs does not hit Stripe in lockstep.
        raise self.retry(exc=exc, countdown=random.randint(30, 180))
    _sync_subscription(sub)


@shared_task
def sync_subscriptions():
    ids = list(Subscription.objects.values_list("stripe_subscription_id", flat=True))
    for sub_id in ids:
        refresh_subscription.delay(sub_id)
    logger.info("Queued refresh of %d subscriptions", len(ids))
