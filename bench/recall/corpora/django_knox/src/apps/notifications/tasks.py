import secrets

from celery import shared_task
from django.conf import settings
from django.core.cache import cache

from .email import send_templated_email

APPLICANT_VERIFY_TTL = 60 * 60 * 24


@shared_task
def send_magic_link(user_id: int):
    from apps.accounts.magic_link import build_magic_link
    from apps.accounts.models import User

    user = User.objects.get(pk=user_id)
    send_templated_email(user.email, "magic_link", {"user": user, "link": build_magic_link(user)})


@shared_task
def send_applicant_verification(user_id: int):
    from apps.accounts.models import User

    user = User.objects.get(pk=user_id)
    verify_token = secrets.token_urlsafe(32)
    cache.set(f"applicant-verify:{verify_token}", user.pk, timeout=APPLICANT_VERIFY_TTL)
    link = f"{settings.PORTAL_BASE_URL}/portal/apply/verify/{verify_token}/"
    send_templated_email(user.email, "applicant_verify", {"user": user, "link": link})


@shared_task
def send_lease_invite(invite_id: int):
    from apps.leases.models import LeaseInvite

    invite = LeaseInvite.objects.select_related("lease__unit__building").get(pk=invite_id)
    send_templated_email(invite.email, "lease_invite", {"invite": invite, "unit": invite.lease.unit})


@shared_task
def send_document_share(document_id: int, email: str, token: str):
    from apps.leases.models import LeaseDocument

    document = LeaseDocument.objects.get(pk=document_id)
    link = f"{settings.PORTAL_BASE_URL}/api/v1/leases/shared/{token}/"
    send_templated_email(email, "document_share", {"document": document, "link": link})


@shared_task
def send_payment_receipt(payment_id: int):
    from apps.payments.models import Payment

    payment = Payment.objects.select_related("lease__primary_tenant").get(pk=payment_id)
    send_templated_email(payment.lease.primary_tenant.email, "payment_receipt", {"payment": payment})
