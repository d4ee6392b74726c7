"""Background jobs: e-mail, SMS and the nightly digest for parents."""
import logging

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from core.sms import SmsGateway

logger = logging.getLogger(__name__)

SITE_URL = "https://portal.riverside.example"


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def send_reset_code(self, user_id, code, channel="email"):
    user = get_user_model().objects.get(pk=user_id)
    body = f"Your {settings.SCHOOL_NAME} password reset code is {code}. It expires in 15 minutes."
    try:
        if channel == "sms" and user.phone:
            SmsGateway().send(user.phone, body)
        else:
            send_mail("Password reset code", body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception as exc:
        raise self.retry(exc=exc)
    logger.info("Reset code sent to user %s via %s", user_id, channel)


@shared_task
def send_verification_email(user_id, token):
    user = get_user_model().objects.get(pk=user_id)
    link = SITE_URL + reverse("accounts:verify_email", args=[token])
    send_mail(
        "Confirm your e-mail address",
        render_to_string("accounts/email/verify.txt", {"user": user, "link": link}),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


@shared_task
def send_welcome_email(email, temp_password):
    logger.info("Sending staff welcome e-mail to %s with temporary password %s", email, temp_password)
    send_mail(
        f"Your {settings.SCHOOL_NAME} staff account",
        render_to_string("accounts/email/welcome.txt", {"email": email, "temp_password": temp_password}),
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )


@shared_task
def send_parent_invite(invite_id):
    from accounts.models import ParentInvite

    invite = ParentInvite.objects.select_related("student").get(pk=invite_id)
    link = SITE_URL + reverse("parents:register") + f"?code={invite.code}"
    send_mail(
        f"Join the {settings.SCHOOL_NAME} parent portal",
        render_to_string("parents/email/invite.txt", {"invite": invite, "link": link}),
        settings.DEFAULT_FROM_EMAIL,
        [invite.email],
    )


@shared_task
def nightly_grade_digest():
    from datetime import timedelta

    from django.utils import timezone

    from grades.models import Grade

    since = timezone.now() - timedelta(days=1)
    sent = 0
    for parent in get_user_model().objects.filter(role="parent", is_active=True, email_verified=True):
        recent = Grade.objects.filter(student__guardians=parent, recorded_at__gte=since).select_related(
            "student", "assessment"
        )
        if not recent:
            continue
        send_mail(
            "New grades posted",
            render_to_string("parents/email/digest.txt", {"parent": parent, "grades": recent}),
            settings.DEFAULT_FROM_EMAIL,
            [parent.email],
        )
        sent += 1
    logger.info("Nightly digest sent to %d parents", sent)
