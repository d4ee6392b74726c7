import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .models import Order

logger = logging.getLogger("tixly.orders")


@receiver(pre_save, sender=Order)
def remember_previous_status(sender, instance, **kwargs):
    if instance.pk:
        instance._previous_status = (
            Order.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        )
    else:
        instance._previous_status = None


@receiver(post_save, sender=Order)
def order_status_changed(sender, instance, created, **kwargs):
    previous = getattr(instance, "_previous_status", None)
    if instance.status == previous:
        return
    if instance.status == Order.Status.PAID:
        from .tasks import send_order_tickets

        transaction.on_commit(lambda: send_order_tickets.delay(instance.pk))
    logger.info("Order %s: %s -> %s", instance.pk, previous, instance.status)
