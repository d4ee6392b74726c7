import hashlib
import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import GrantApplication, GrantAttachment

logger = logging.getLogger("artsboard.grants")


def _next_reference(round_page):
    year = timezone.localdate().year
    count = GrantApplication.objects.filter(round=round_page).count() + 1
    return f"NAB-{year}-{round_page.pk:03d}-{count:04d}"


def make_status_token(email):
    """Token for the applicant's 'check my application' link (no login needed)."""
    seed = f"{email.lower()}:{time.time()}"
    return hashlib.md5(seed.encode("utf-8")).hexdigest()


def status_link_is_current(application):
    ttl = timedelta(days=settings.GRANT_STATUS_LINK_TTL_DAYS)
    return application.status_token_created + ttl > timezone.now()


def _store_attachment(application, upload):
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    # keep the original filename for officers but store under a random name
    original_name = upload.name
    upload.name = f"{uuid.uuid4().hex}{_extension(original_name)}"
    return GrantAttachment.objects.create(
        application=application,
        file=upload,
        original_name=original_name[:255],
        sha256=digest.hexdigest(),
    )


def _extension(name):
    dot = name.rfind(".")
    return name[dot:].lower() if dot != -1 else ""


@transaction.atomic
def submit_application(round_page, data, user=None):
    application = GrantApplication.objects.create(
        round=round_page,
        applicant=user if user and user.is_authenticated else None,
        reference=_next_reference(round_page),
        applicant_name=data["applicant_name"],
        organisation=data.get("organisation", ""),
        email=data["email"],
        region=data["region"],
        project_title=data["project_title"],
        project_summary=data["project_summary"],
        amount_requested=data["amount_requested"],
        status_token=make_status_token(data["email"]),
    )
    if data.get("budget"):
        _store_attachment(application, data["budget"])

    if application.applicant_id:
        application.applicant.grant_drafts.filter(round=round_page).delete()

    from .tasks import send_application_confirmation, notify_grants_officer

    transaction.on_commit(lambda: send_application_confirmation.delay(application.pk))
    transaction.on_commit(lambda: notify_grants_officer.delay(application.pk))
    logger.info("Grant application %s submitted for round %s", application.reference, round_page.pk)
    return application


def refresh_status_token(application):
    application.status_token = make_status_token(application.email)
    application.status_token_created = timezone.now()
    application.save(update_fields=["status_token", "status_token_created"])
    return application.status_token


def withdraw(application, by_user):
    if application.status not in {GrantApplication.Status.SUBMITTED, GrantApplication.Status.IN_REVIEW}:
        raise ValueError("Only open applications can be withdrawn")
    application.status = GrantApplication.Status.WITHDRAWN
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at"])
    logger.info("Application %s withdrawn by user %s", application.reference, by_user.pk)
