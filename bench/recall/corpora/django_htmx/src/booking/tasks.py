from celery import shared_task
from django.utils import timezone

from .models import BookingLink, BookingSession


@shared_task
def expire_booking_links():
    now = timezone.now()
    BookingLink.objects.filter(used_at__isnull=True, expires_at__lt=now).delete()
    BookingSession.objects.filter(expires_at__lt=now).delete()
