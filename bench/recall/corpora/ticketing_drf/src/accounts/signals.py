from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import User
from .tasks import send_welcome_email


@receiver(post_save, sender=User, dispatch_uid="accounts.welcome_email")
def queue_welcome_email(sender, instance, created, **kwargs):
    if created and not instance.is_staff:
        transaction.on_commit(lambda: send_welcome_email.delay(instance.pk))
