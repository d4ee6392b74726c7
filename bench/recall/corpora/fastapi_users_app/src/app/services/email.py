import asyncio
import logging
import random
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from app.core.config import settings
from app.web.templating import money

logger = logging.getLogger(__name__)

EMAIL_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_env = Environment(loader=FileSystemLoader(EMAIL_TEMPLATES), autoescape=False, trim_blocks=True, lstrip_blocks=True)
_env.filters["money"] = money


@dataclass(frozen=True)
class OutgoingEmail:
    to: str
    subject: str
    text: str
    html: str | None = None


class Mailer:
    def __init__(self, host: str, port: int, username: str | None, password: str | None, sender: str, starttls: bool):
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.sender = sender
        self.starttls = starttls
        self._tasks: set[asyncio.Task] = set()

    def _deliver(self, outgoing: OutgoingEmail) -> None:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = outgoing.to
        message["Subject"] = outgoing.subject
        message.set_content(outgoing.text)
        if outgoing.html:
            message.add_alternative(outgoing.html, subtype="html")

        with smtplib.SMTP(self.host, self.port, timeout=20) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.username and self.password:
                smtp.login(self.username, self.password)
            smtp.send_message(message)

    async def send(self, outgoing: OutgoingEmail, retries: int = 3) -> None:
        for attempt in range(1, retries + 1):
            try:
                await asyncio.to_thread(self._deliver, outgoing)
                logger.info("Sent '%s' to %s", outgoing.subject, outgoing.to)
                return
            except (smtplib.SMTPException, OSError):
                if attempt == retries:
                    logger.exception("Giving up on '%s' to %s after %d attempts", outgoing.subject, outgoing.to, retries)
                    return
                # exponential backoff with jitter so retries from several workers do not line up
                await asyncio.sleep(2**attempt + random.uniform(0, 1))

    def enqueue(self, outgoing: OutgoingEmail) -> None:
        """Fire-and-forget from places that have no BackgroundTasks (fastapi-users hooks)."""
        task = asyncio.get_running_loop().create_task(self.send(outgoing))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


mailer = Mailer(
    host=settings.smtp_host,
    port=settings.smtp_port,
    username=settings.smtp_username,
    password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
    sender=settings.mail_from,
    starttls=settings.smtp_starttls,
)


def _render(template: str, **context) -> str:
    return _env.get_template(template).render(app_name=settings.app_name, **context)


def invoice_message(invoice, url: str) -> OutgoingEmail:
    sender = invoice.organization.name
    return OutgoingEmail(
        to=invoice.customer.email,
        subject=f"Invoice {invoice.number} from {sender}",
        text=(
            f"Hello {invoice.customer.name},\n\n"
            f"{sender} has sent you invoice {invoice.number} for {money(invoice.total, invoice.currency)}, "
            f"due on {invoice.due_on:%d %B %Y}.\n\nView and pay it here: {url}\n"
        ),
        html=_render("email/invoice_sent.html", invoice=invoice, url=url),
    )


def invite_message(email: str, organization_name: str, inviter_name: str, url: str) -> OutgoingEmail:
    return OutgoingEmail(
        to=email,
        subject=f"{inviter_name} invited you to {organization_name} on {settings.app_name}",
        text=f"{inviter_name} invited you to join {organization_name}.\n\nAccept the invitation: {url}\n",
    )


def password_reset_message(email: str, url: str) -> OutgoingEmail:
    return OutgoingEmail(
        to=email,
        subject=f"Reset your {settings.app_name} password",
        text=(
            "Someone asked to reset the password for this account. If it was you, open the link below "
            f"within 30 minutes:\n\n{url}\n\nIf it was not you, you can ignore this e-mail.\n"
        ),
    )


def verification_message(email: str, url: str) -> OutgoingEmail:
    return OutgoingEmail(
        to=email,
        subject=f"Confirm your e-mail address for {settings.app_name}",
        text=f"Welcome! Please confirm your address by opening this link:\n\n{url}\n",
    )
