import logging
import random
from datetime import date, timedelta
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage, send_mail
from django.utils import timezone

from accounts.models import MagicLink
from candidates.models import Candidate
from clients.models import Contact

from . import reports
from .models import Placement

logger = logging.getLogger(__name__)

SHORTLIST_BODY = """Hello {contact},

Here is the current shortlist for {job}:

{lines}

Reply to this e-mail or leave feedback in your TalentDesk portal.

{sender}
"""


@shared_task(bind=True, max_retries=5, acks_late=True)
def send_shortlist_email(self, placement_ids, contact_id, sender_id):
    contact = Contact.objects.select_related("client").get(pk=contact_id)
    sender = get_user_model().objects.get(pk=sender_id)
    placements = list(
        Placement.objects.filter(pk__in=placement_ids).select_related("candidate", "job_order").order_by("pk")
    )
    if not placements:
        return 0

    lines = "\n".join(
        f"- {p.candidate.full_name}: {p.candidate.headline or 'no headline'}"
        f" ({p.candidate.years_experience or '?'} yrs)"
        for p in placements
    )
    message = EmailMessage(
        subject=f"Shortlist: {placements[0].job_order.title}",
        body=SHORTLIST_BODY.format(
            contact=contact.name, job=placements[0].job_order.title, lines=lines, sender=sender.get_full_name()
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[contact.email],
        reply_to=[sender.email],
    )
    try:
        message.send()
    except SMTPException as exc:
        # exponential back-off with a little jitter so retries don't stampede the relay
        countdown = 60 * 2**self.request.retries + random.randint(0, 30)
        raise self.retry(exc=exc, countdown=countdown)
    logger.info("shortlist of %s sent to contact %s", len(placements), contact.pk)
    return len(placements)


@shared_task
def weekly_revenue_digest():
    end = date.today()
    start = end - timedelta(days=7)
    rows = reports.revenue_by_recruiter(start, end)
    if not rows:
        return
    body = "\n".join(
        f"{row['first_name']} {row['last_name']}: {row['placement_count']} placements, £{row['total_fees']:,.2f}"
        for row in rows
    )
    managers = get_user_model().objects.filter(role__in=["manager", "admin"], is_active=True)
    send_mail(
        subject=f"Placements {start:%d %b} – {end:%d %b}",
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[m.email for m in managers],
    )


@shared_task
def purge_expired_magic_links():
    cutoff = timezone.now() - timedelta(days=7)
    deleted, _ = MagicLink.objects.filter(expires_at__lt=cutoff).delete()
    logger.info("purged %s expired magic links", deleted)


@shared_task
def pick_spotlight_candidates(size=6):
    """Pick a handful of available candidates to feature on the dashboard today."""
    pool = list(
        Candidate.objects.active()
        .filter(status__in=[Candidate.Status.NEW, Candidate.Status.SCREENING])
        .values_list("pk", flat=True)[:500]
    )
    spotlight = random.sample(pool, k=min(size, len(pool)))
    cache.set("candidates:spotlight", spotlight, 60 * 60 * 24)
    return spotlight
