import logging
import random

from celery import shared_task
from requests import RequestException

from ..services.mail_service import MailClient

logger = logging.getLogger("fleetops.tasks.mail")

RESET_TEMPLATE = """Hello {name},

Someone asked to reset the password for your FleetOps account.
Your verification code is {code}. It expires in 30 minutes.

If this wasn't you, you can ignore this message.
"""


def _backoff(retries: int) -> float:
    # Exponential backoff with jitter so a SendGrid outage doesn't cause retry storms.
    return min(600, 2 ** retries * 10) + random.uniform(0, 5)


@shared_task(bind=True, max_retries=5)
def send_password_reset_email(self, email: str, name: str, code: str) -> None:
    logger.info("Sending password reset code %s to %s", code, email)
    try:
        MailClient().send(email, "Your FleetOps reset code", RESET_TEMPLATE.format(name=name, code=code))
    except RequestException as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries))


@shared_task(bind=True, max_retries=5)
def send_invite_email(self, email: str, inviter_name: str, link: str) -> None:
    body = f"{inviter_name} invited you to FleetOps.\n\nFinish setting up your account: {link}\n"
    try:
        MailClient().send(email, "You're invited to FleetOps", body)
    except RequestException as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries))


@shared_task
def send_export_ready_email(email: str, download_url: str) -> None:
    MailClient().send(email, "Your work-order export is ready", f"Download it here: {download_url}\n")
