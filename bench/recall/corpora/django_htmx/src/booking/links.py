import logging
import random
import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from notifications import email, sms

from .models import BookingLink, BookingSession

logger = logging.getLogger(__name__)

BOOKING_TOKEN_HEADER = "X-Booking-Token"
TOKEN_ALPHABET = string.ascii_letters + string.digits
SESSION_TTL = timedelta(minutes=30)


def _make_link_token(length=40):
    return "".join(random.choices(TOKEN_ALPHABET, k=length))


def create_booking_link(patient):
    link = BookingLink.objects.create(
        patient=patient,
        token=_make_link_token(),
        expires_at=timezone.now() + settings.BOOKING_LINK_TTL,
    )
    return link


def booking_url(link):
    return settings.BOOKING_PUBLIC_URL.rstrip("/") + reverse("booking:open", args=[link.token])


def send_booking_link(patient):
    link = create_booking_link(patient)
    url = booking_url(link)
    if patient.email:
        email.send_plain(patient.email, "Book your appointment", f"Use this link to choose a time: {url}")
    else:
        sms.send_sms(patient.phone, f"Northside Clinic: book your appointment here {url}")
    logger.info("Booking link sent to patient %s: %s", patient.pk, url)
    return link


def redeem_link(token):
    link = BookingLink.objects.select_related("patient").filter(token=token).first()
    if link is None or not link.is_valid():
        return None
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    return BookingSession.objects.create(
        patient=link.patient,
        key=secrets.token_urlsafe(32),
        expires_at=timezone.now() + SESSION_TTL,
    )


def session_from_key(key):
    if not key:
        return None
    return (
        BookingSession.objects.select_related("patient")
        .filter(key=key, expires_at__gt=timezone.now())
        .first()
    )
