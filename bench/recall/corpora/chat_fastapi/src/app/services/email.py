"""Outgoing mail.  Called from BackgroundTasks and from the arq worker."""
from email.message import EmailMessage

import aiosmtplib

from app.core.config import settings
from app.core.logging import get_logger

logger = get_logger("mail")


async def _send(to: str, subject: str, text: str, html: str | None = None) -> None:
    msg = EmailMessage()
    msg["From"] = settings.MAIL_FROM
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")

    await aiosmtplib.send(
        msg,
        hostname=settings.SMTP_HOST,
        port=settings.SMTP_PORT,
        username=settings.SMTP_USERNAME or None,
        password=settings.SMTP_PASSWORD.get_secret_value() or None,
        start_tls=settings.SMTP_STARTTLS,
        timeout=20,
    )


async def send_verification_email(to: str, link: str) -> None:
    text = (
        "Welcome to Huddle!\n\n"
        f"Confirm your address by opening this link:\n{link}\n\n"
        "If you did not sign up you can ignore this e-mail."
    )
    await _send(to, "Confirm your Huddle account", text)
    logger.info(f"verification mail sent to {to} ({link})")


async def send_reset_code(to: str, code: str) -> None:
    text = (
        f"Your Huddle password reset code is {code}.\n\n"
        f"It expires in {settings.PASSWORD_RESET_TTL_MINUTES} minutes. "
        "If you did not ask for it, you can ignore this e-mail."
    )
    await _send(to, "Your Huddle reset code", text)
    logger.info("reset code mailed to user %s", to)


async def send_password_changed(to: str) -> None:
    await _send(
        to,
        "Your Huddle password was changed",
        "Your password was just changed. If this was not you, contact support right away.",
    )


async def send_digest(to: str, subject: str, text: str, html: str) -> None:
    await _send(to, subject, text, html)
    logger.info("digest sent to %s", to)
