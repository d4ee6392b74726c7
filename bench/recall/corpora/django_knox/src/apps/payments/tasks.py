import logging
import random

from celery import shared_task
from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from apps.notifications.tasks import send_payment_receipt

from .gateway import PaylaneClient, PaylaneError
from .models import Payment, WebhookEvent

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5)
def process_payment_event(self, event_id: str):
    event = WebhookEvent.objects.get(event_id=event_id)
    if event.processed_at:
        return

    data = event.payload["data"]
    if event.event_type == "charge.succeeded":
        try:
            charge = PaylaneClient().get_charge(data["charge_id"])
        except PaylaneError as exc:
            raise self.retry(exc=exc, countdown=2 ** self.request.retries + random.uniform(0, 3))

        lease_id = int(charge["reference"].removeprefix("lease-"))
        with transaction.atomic():
            payment, _ = Payment.objects.update_or_create(
                provider_ref=charge["id"],
                defaults={
                    "lease_id": lease_id,
                    "amount": charge["amount"],
                    "status": Payment.Status.SUCCEEDED,
                    "paid_at": parse_datetime(charge["paid_at"]),
                    "card_last4": charge.get("card", {}).get("last4", ""),
                },
            )
            settled = data.get("settles_charges", [])
            if settled:
                clear_pending_charges.delay(settled)
        send_payment_receipt.delay(payment.pk)
    elif event.event_type == "charge.failed":
        Payment.objects.filter(provider_ref=data["charge_id"]).update(status=Payment.Status.FAILED)

    event.processed_at = timezone.now()
    event.save(update_fields=["processed_at"])


@shared_task
def clear_pending_charges(external_refs):
    refs = "', '".join(external_refs)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM payments_pendingcharge WHERE external_ref IN ('{refs}')")
        logger.info("Cleared %s pending charges", cursor.rowcount)
