import logging
import random
from datetime import timedelta

import requests
from celery import shared_task
from django.utils import timezone

from . import services
from .models import CardTransaction

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=6)
def sync_card_feed(self):
    latest = CardTransaction.objects.order_by("-posted_at").first()
    since = latest.posted_at if latest else timezone.now() - timedelta(days=7)
    try:
        transactions = services.fetch_card_transactions(since)
    except requests.RequestException as exc:
        # spread retries so the workers don't all hit the provider together
        delay = (2 ** self.request.retries) * 30 + random.uniform(0, 15)
        raise self.retry(exc=exc, countdown=delay)

    created = 0
    for data in transactions:
        _, was_created = services.store_card_transaction(data)
        created += int(was_created)
    logger.info("card feed sync: %d received, %d new", len(transactions), created)
    return created


@shared_task
def remind_approvers():
    sent = services.pending_reminders()
    logger.info("expense reminders sent: %s", sent)
    return sent
