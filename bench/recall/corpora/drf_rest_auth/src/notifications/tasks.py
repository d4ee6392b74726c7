import logging
import random
from datetime import timedelta
from smtplib import SMTPException

from anymail.exceptions import AnymailError
from celery import shared_task
from django.conf import settings
from django.utils import timezone

from volunteering.models import Invitation, KioskSession, Membership, Opportunity, ShiftSignup

from .emails import send_templated_email
from .links import decline_url

logger = logging.getLogger(__name__)

REMINDER_LEAD_TIME = timedelta(hours=24)
TRANSIENT_ERRORS = (SMTPException, AnymailError, ConnectionError)


@shared_task(bind=True, max_retries=5)
def send_invitation_email(self, invitation_id):
    invitation = Invitation.objects.select_related("organisation", "invited_by__profile").get(pk=invitation_id)
    context = {
        "organisation": invitation.organisation,
        "inviter": invitation.invited_by.profile.display_name if invitation.invited_by else "A coordinator",
        "accept_url": f"{settings.FRONTEND_URL}/invitations/{invitation.token}",
    }
    try:
        send_templated_email(invitation.email, f"Join {invitation.organisation.name} on Helping Hands", "invitation.html", context)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=60 + random.randint(0, 120))
    logger.info("Invitation %s sent for organisation %s", invitation.pk, invitation.organisation.slug)


@shared_task
def send_shift_reminders():
    now = timezone.now()
    due = (
        ShiftSignup.objects.select_related("shift__opportunity__organisation", "volunteer__profile")
        .filter(
            status=ShiftSignup.Status.CONFIRMED,
            reminded_at__isnull=True,
            shift__starts_at__gt=now,
            shift__starts_at__lte=now + REMINDER_LEAD_TIME,
            volunteer__profile__email_bounced=False,
        )
    )
    sent = 0
    for signup in due.iterator():
        opportunity = signup.shift.opportunity
        send_templated_email(
            signup.volunteer.email,
            f"Reminder: {opportunity.title} tomorrow",
            "shift_reminder.html",
            {
                "volunteer": signup.volunteer.profile,
                "opportunity": opportunity,
                "shift": signup.shift,
                "decline_url": decline_url(signup),
            },
        )
        signup.reminded_at = now
        signup.save(update_fields=["reminded_at"])
        sent += 1
    logger.info("Shift reminders sent: %d", sent)


@shared_task
def send_organiser_message(opportunity_id, name, reply_to, message):
    opportunity = Opportunity.objects.select_related("organisation").get(pk=opportunity_id)
    coordinators = list(
        Membership.objects.filter(organisation=opportunity.organisation, role=Membership.Role.COORDINATOR)
        .values_list("user__email", flat=True)
    )
    recipients = coordinators or [opportunity.organisation.contact_email]
    send_templated_email(
        recipients,
        f"Question about {opportunity.title}",
        "organiser_contact.html",
        {"opportunity": opportunity, "sender_name": name, "message": message},
        reply_to=reply_to,
    )


@shared_task
def purge_expired_kiosk_sessions():
    deleted, _ = KioskSession.objects.filter(expires_at__lt=timezone.now()).delete()
    logger.info("Purged %d expired kiosk sessions", deleted)
