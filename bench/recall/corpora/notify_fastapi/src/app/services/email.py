import html
import logging
import os
from email.message import EmailMessage

import aiosmtplib

from app.core.config import settings

logger = logging.getLogger(__name__)

SMTP_USER = os.getenv("SMTP_USER", "notify@mailer.internal")
SMTP_PASSWORD = os.getenv("SMTP_PASSWORD", "Tr4nsp0rt!mail-2024")


async def send_email(*, to: str, subject: str, html_body: str, text_body: str | None = None) -> None:
    if not settings.SMTP_HOST:
        logger.warning("SMTP is not configured, dropping email %r to %s", subject, to)
        return
    message = EmailMessage()
    message["From"] = f"{settings.EMAILS_FROM_NAME} <{settings.EMAILS_FROM_EMAIL}>"
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text_body or "This message is best viewed in an HTML-capable mail client.")
    message.add_alternative(html_body, subtype="html")
    await aiosmtplib.send(
        message,
        hostname=settings.SMTP_HOST,
        port=settings.SMTP_PORT,
        username=SMTP_USER,
        password=SMTP_PASSWORD,
        start_tls=settings.SMTP_TLS,
    )
    logger.info("Sent email %r to %s", subject, to)


def _layout(title: str, paragraph: str, link: str, label: str) -> str:
    return (
        f"<html><body style=\"font-family: sans-serif\"><h2>{html.escape(title)}</h2>"
        f"<p>{html.escape(paragraph)}</p>"
        f"<p><a href=\"{html.escape(link, quote=True)}\">{html.escape(label)}</a></p>"
        "</body></html>"
    )


def build_reset_email(email: str, token: str) -> tuple[str, str]:
    subject = f"{settings.PROJECT_NAME} - Password recovery for {email}"
    link = f"{settings.FRONTEND_HOST}/reset-password?token={token}"
    body = _layout(
        "Password recovery",
        f"We received a request to reset the password for {email}. "
        f"The link is valid for {settings.EMAIL_RESET_TOKEN_EXPIRE_HOURS} hours.",
        link,
        "Choose a new password",
    )
    return subject, body


def build_verification_email(email: str, token: str) -> tuple[str, str]:
    subject = f"{settings.PROJECT_NAME} - Confirm your email address"
    link = f"{settings.FRONTEND_HOST}/verify-email?token={token}"
    body = _layout("Welcome!", f"Please confirm that {email} is your address.", link, "Confirm email")
    return subject, body
