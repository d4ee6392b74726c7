from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Appointment


@receiver(post_save, sender=Appointment)
def send_confirmation_on_booking(sender, instance, created, **kwargs):
    if not created:
        return
    from .tasks import send_booking_confirmation

    send_booking_confirmation.delay(instance.pk)
