from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Order
from .tasks import send_order_confirmation


@receiver(post_save, sender=Order, dispatch_uid="orders.confirmation_on_paid")
def send_confirmation_when_paid(sender, instance, created, update_fields=None, **kwargs):
    if created or instance.status != Order.Status.PAID:
        return
    if update_fields is not None and "status" not in update_fields:
        return
    transaction.on_commit(lambda: send_order_confirmation.delay(instance.pk))
