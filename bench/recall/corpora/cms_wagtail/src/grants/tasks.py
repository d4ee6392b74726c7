import logging
import random
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import GrantApplication, GrantApplicationPage, GrantDraft

logger = logging.getLogger("artsboard.grants")


def _status_url(application):
    return settings.WAGTAILADMIN_BASE_URL + reverse("grants:status", args=[application.status_token])


@shared_task(bind=True, max_retries=5)
def send_application_confirmation(self, application_id):
    application = GrantApplication.objects.select_related("round").get(pk=application_id)
    context = {"application": application, "status_url": _status_url(application)}
    try:
        send_mail(
            subject=f"We've received your application {application.reference}",
            message=render_to_string("grants/email/confirmation.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[application.email],
        )
    except Exception as exc:
        # spread retries out so a mail outage doesn't produce a thundering herd
        raise self.retry(exc=exc, countdown=int(60 * (2 ** self.request.retries) + random.uniform(0, 30)))


@shared_task
def send_status_link(application_id):
    application = GrantApplication.objects.get(pk=application_id)
    send_mail(
        subject=f"Your link for application {application.reference}",
        message=(
            f"Hello {application.applicant_name},\n\n"
            f"Here is a new link to check the progress of application {application.reference}:\n"
            f"{_status_url(application)}\n\n"
            "The link works for 90 days. If you didn't ask for it you can ignore this email.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[application.email],
    )


@shared_task
def notify_grants_officer(application_id):
    application = GrantApplication.objects.select_related("round").get(pk=application_id)
    send_mail(
        subject=f"New application: {application.reference} ({application.region})",
        message=(
            f"{application.applicant_name} applied for £{application.amount_requested:,} "
            f"to the round '{application.round.title}'.\n\n"
            f"{settings.WAGTAILADMIN_BASE_URL}/admin/grants-dashboard/"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[application.round.officer_email or settings.GRANTS_OFFICER_EMAIL],
    )


@shared_task
def send_deadline_reminders():
    """Remind members with an unsubmitted draft that a round closes in three days."""
    closing = timezone.localdate() + timedelta(days=3)
    rounds = GrantApplicationPage.objects.live().filter(closes=closing)
    sent = 0
    for round_page in rounds:
        drafts = GrantDraft.objects.filter(round=round_page).select_related("user")
        for draft in drafts:
            send_mail(
                subject=f"{round_page.title} closes on {round_page.closes:%-d %B}",
                message=(
                    f"Hello {draft.user.first_name or 'there'},\n\n"
                    f"You have a saved draft for {round_page.title}, which closes on "
                    f"{round_page.closes:%A %-d %B}. Pick up where you left off at "
                    f"{round_page.full_url}\n"
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[draft.user.email],
            )
            sent += 1
    logger.info("Sent %d grant deadline reminders", sent)
    return sent
