"""Customer portal accounts: passwords, sessions and password resets."""
import hashlib
import hmac
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from .models import PortalAccount, PortalSession

logger = logging.getLogger(__name__)

SESSION_LIFETIME = timedelta(days=14)
RESET_LIFETIME = timedelta(hours=2)


def hash_portal_password(raw_password: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{raw_password}".encode()).hexdigest()


def set_portal_password(account: PortalAccount, raw_password: str) -> None:
    account.password_hash = hash_portal_password(raw_password)
    account.reset_token = ""
    account.save(update_fields=["password_hash", "reset_token"])


def authenticate(email: str, raw_password: str):
    account = PortalAccount.objects.filter(email__iexact=email, is_active=True).first()
    if account is None or not account.password_hash:
        return None
    if not hmac.compare_digest(account.password_hash, hash_portal_password(raw_password)):
        return None
    account.last_login_at = timezone.now()
    account.save(update_fields=["last_login_at"])
    return account


def start_session(account: PortalAccount) -> PortalSession:
    return PortalSession.objects.create(
        account=account,
        token=secrets.token_urlsafe(32),
        expires_at=timezone.now() + SESSION_LIFETIME,
    )


def session_for_token(token: str):
    if not token:
        return None
    session = PortalSession.objects.select_related("account__customer").filter(token=token).first()
    return session if session is not None and session.is_valid else None


def send_password_reset(email: str, request) -> None:
    account = PortalAccount.objects.filter(email__iexact=email, is_active=True).first()
    if account is None:
        return
    account.reset_token = secrets.token_urlsafe(32)
    account.reset_requested_at = timezone.now()
    account.save(update_fields=["reset_token", "reset_requested_at"])

    url = request.build_absolute_uri(reverse("portal:reset-password", args=[account.reset_token]))
    send_mail(
        subject=f"Reset your {connection.tenant.name} billing portal password",
        message=f"Choose a new password here (the link expires in 2 hours):\n\n{url}\n",
        from_email=None,
        recipient_list=[account.email],
    )
    logger.info("Portal password reset requested for account %s", account.pk)


def account_for_reset_token(token: str):
    if not token:
        return None
    cutoff = timezone.now() - RESET_LIFETIME
    return PortalAccount.objects.filter(reset_token=token, reset_requested_at__gte=cutoff, is_active=True).first()
