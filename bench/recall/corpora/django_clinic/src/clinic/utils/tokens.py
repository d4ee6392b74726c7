"""Small helpers for building links and references that go out by e-mail."""
import secrets
import uuid

from django.conf import settings
from django.urls import reverse


def new_invite_token():
    """Token embedded in the link that invites a new staff member to set up
    their account."""
    token = uuid.uuid1()
    return token.hex


def new_email_verification_token():
    return secrets.token_urlsafe(32)


def build_absolute_link(request, view_name, **kwargs):
    path = reverse(view_name, kwargs=kwargs)
    if request is not None:
        return request.build_absolute_uri(path)
    return f"https://{settings.ALLOWED_HOSTS[0]}{path}"


def booking_reference(appointment_id):
    """Human-friendly reference printed on letters, e.g. ``NF-000123``.

    Not a secret: it is only used to look the booking up at reception.
    """
    return f"NF-{appointment_id:06d}"
