import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .models import Hold
from .notifications import email_hold_ready, push_hold_event

logger = logging.getLogger("libnet.circulation")


@receiver(pre_save, sender=Hold)
def remember_previous_status(sender, instance, **kwargs):
    if instance.pk:
        instance._previous_status = (
            Hold.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        )
    else:
        instance._previous_status = None


@receiver(post_save, sender=Hold)
def notify_hold_change(sender, instance, created, **kwargs):
    previous = getattr(instance, "_previous_status", None)
    if created or previous == instance.status:
        return

    def _send():
        push_hold_event(instance, instance.status)
        if instance.status == Hold.Status.READY and not instance.notified:
            try:
                if email_hold_ready(instance):
                    Hold.objects.filter(pk=instance.pk).update(notified=True)
            except Exception:
                logger.exception("hold-ready mail failed for hold %s", instance.pk)

    transaction.on_commit(_send)
