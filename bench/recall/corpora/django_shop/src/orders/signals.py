from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Order
from .services import make_tracking_token
from .tasks import send_order_confirmation


@receiver(post_save, sender=Order)
def assign_tracking_token(sender, instance, created, **kwargs):
    if created and not instance.tracking_token:
        instance.tracking_token = make_tracking_token(instance)
        Order.objects.filter(pk=instance.pk).update(tracking_token=instance.tracking_token)


@receiver(post_save, sender=Order)
def confirm_paid_order(sender, instance, created, update_fields=None, **kwargs):
    if instance.status == Order.Status.PAID and update_fields and "status" in update_fields:
        transaction.on_commit(lambda: send_order_confirmation.delay(instance.pk))
