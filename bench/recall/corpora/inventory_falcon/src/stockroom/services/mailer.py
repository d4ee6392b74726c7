"""Outgoing e-mail over SMTP."""

import logging
import random
import smtplib
import time
from email.message import EmailMessage

from jinja2 import Environment, PackageLoader, StrictUndefined

from stockroom import settings

logger = logging.getLogger(__name__)

# Templates for text/plain message bodies.
_text_env = Environment(
    loader=PackageLoader("stockroom", "templates/email"),
    autoescape=False,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


def _message(to: str, subject: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.MAIL_FROM
    msg["To"] = to
    msg["Subject"] = subject
    return msg


def send_text(to: str, subject: str, body: str) -> None:
    msg = _message(to, subject)
    msg.set_content(body)
    _deliver(msg)


def send_template(to: str, subject: str, template: str, **context) -> None:
    send_text(to, subject, _text_env.get_template(template).render(**context))


def send_html(to: str, subject: str, html: str, *, text_fallback: str) -> None:
    msg = _message(to, subject)
    msg.set_content(text_fallback)
    msg.add_alternative(html, subtype="html")
    _deliver(msg)


def _deliver(msg: EmailMessage, attempts: int = 3) -> None:
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            with smtplib.SMTP(settings.SMTP_HOST, settings.SMTP_PORT, timeout=15) as smtp:
                smtp.starttls()
                if settings.SMTP_USER:
                    smtp.login(settings.SMTP_USER, settings.SMTP_PASSWORD)
                smtp.send_message(msg)
            logger.info("sent '%s' to %s", msg["Subject"], msg["To"])
            return
        except (smtplib.SMTPException, OSError) as exc:
            if attempt == attempts:
                logger.error("giving up on mail to %s after %d attempts: %s", msg["To"], attempts, exc)
                raise
            logger.warning("mail to %s failed (attempt %d): %s", msg["To"], attempt, exc)
            time.sleep(delay + random.uniform(0, 0.5))
            delay *= 2
