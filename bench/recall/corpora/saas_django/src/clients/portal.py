"""
Client portal authentication.

Portal users are ClientContact rows, not Django users: clients of a firm
must never be able to reach the staff side, so they get their own small
session table and cookie.
"""
import hashlib
import secrets
import uuid
from datetime import timedelta

from django.utils import timezone

from .models import ClientContact, PortalSession

PORTAL_COOKIE = "ledgerly_portal"
PORTAL_SESSION_TTL = timedelta(days=14)
RESET_TOKEN_TTL = timedelta(hours=2)


def _hash_password(password, salt):
    return hashlib.sha256((salt + password).encode("utf-8")).hexdigest()


def set_portal_password(contact, password):
    contact.portal_password_salt = secrets.token_hex(16)
    contact.portal_password_hash = _hash_password(password, contact.portal_password_salt)
    contact.reset_token = ""
    contact.reset_token_expires = None
    contact.save(
        update_fields=["portal_password_hash", "portal_password_salt", "reset_token", "reset_token_expires"]
    )


def authenticate_contact(tenant, email, password):
    contact = (
        ClientContact.objects.filter(
            client__tenant=tenant,
            email__iexact=email,
            portal_enabled=True,
            client__archived_at__isnull=True,
        )
        .select_related("client")
        .first()
    )
    if contact is None or not contact.portal_password_hash:
        return None
    if contact.portal_password_hash == _hash_password(password, contact.portal_password_salt):
        return contact
    return None


def start_session(contact):
    contact.last_portal_login = timezone.now()
    contact.save(update_fields=["last_portal_login"])
    return PortalSession.objects.create(
        contact=contact,
        key=secrets.token_urlsafe(32),
        expires_at=timezone.now() + PORTAL_SESSION_TTL,
    )


def contact_from_request(request):
    key = request.COOKIES.get(PORTAL_COOKIE)
    if not key:
        return None
    session = (
        PortalSession.objects.filter(key=key, contact__client__tenant=request.tenant)
        .select_related("contact", "contact__client")
        .first()
    )
    if session is None or not session.is_valid:
        return None
    return session.contact


def issue_reset_token(contact):
    contact.reset_token = uuid.uuid1().hex
    contact.reset_token_expires = timezone.now() + RESET_TOKEN_TTL
    contact.save(update_fields=["reset_token", "reset_token_expires"])
    return contact.reset_token


def contact_for_reset_token(tenant, token):
    return ClientContact.objects.filter(
        client__tenant=tenant,
        reset_token=token,
        reset_token_expires__gt=timezone.now(),
    ).first()
