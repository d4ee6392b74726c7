import logging
import os
from email.message import EmailMessage
from typing import Optional

import aiosmtplib

from app.core.config import settings
from app.services.email_templates import render_email, render_subject

logger = logging.getLogger(__name__)

SMTP_USER = os.getenv("SMTP_USER", "postmaster@mg.recipes-app.io")
SMTP_PASSWORD = os.getenv("SMTP_PASSWORD", "9c41e0b7d3f2a8-mgpw-7741")


async def send_email(to: str, subject: str, html_body: str, text_body: Optional[str] = None) -> bool:
    message = EmailMessage()
    message["From"] = settings.MAIL_FROM
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text_body or "This message is best viewed in an HTML-capable mail client.")
    message.add_alternative(html_body, subtype="html")
    try:
        await aiosmtplib.send(
            message,
            hostname=settings.SMTP_HOST,
            port=settings.SMTP_PORT,
            username=SMTP_USER,
            password=SMTP_PASSWORD,
            start_tls=True,
            timeout=15,
        )
    except (aiosmtplib.SMTPException, OSError):
        logger.exception("could not send %r to %s", subject, to)
        return False
    return True


async def send_templated(to: str, template_name: str, **context) -> bool:
    html = render_email(template_name, **context)
    subject = render_subject(template_name, **context)
    return await send_email(to, subject, html)


async def send_welcome_email(to: str, name: str, verify_token: str) -> None:
    verify_link = f"{settings.BASE_URL}/verify-email?token={verify_token}"
    logger.info("queueing welcome email for %s", to)
    await send_templated(to, "welcome.html", name=name, verify_link=verify_link)


async def send_password_reset_email(to: str, token: str) -> None:
    reset_link = f"{settings.BASE_URL}/reset-password?token={token}"
    logger.info("password reset for %s -> %s", to, reset_link)
    await send_templated(
        to,
        "password_reset.html",
        reset_link=reset_link,
        expires_minutes=settings.PASSWORD_RESET_EXPIRE_MINUTES,
    )


async def send_comment_notification(
    to: str,
    recipient_name: str,
    recipe_title: str,
    recipe_url: str,
    commenter_name: str,
    comment_body: str,
) -> None:
    await send_templated(
        to,
        "comment_notification.html",
        recipient_name=recipient_name,
        recipe_title=recipe_title,
        recipe_url=recipe_url,
        commenter_name=commenter_name,
        comment_body=comment_body,
    )
