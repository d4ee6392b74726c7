"""Outgoing e-mail: templated HTML + plain-text messages sent from background tasks."""
from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

from fastapi import BackgroundTasks
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from inkwell.config import settings

logger = logging.getLogger(__name__)

_env = Environment(
    loader=PackageLoader("inkwell", "templates/email"),
    autoescape=select_autoescape(["html", "xml"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["app_name"] = settings.app_name
_env.globals["base_url"] = settings.public_base_url


@dataclass(frozen=True)
class OutgoingEmail:
    to: str
    subject: str
    html: str
    text: str


def render_email(template: str, to: str, subject: str, **context: object) -> OutgoingEmail:
    html = _env.get_template(template).render(subject=subject, **context)
    text = context.get("text_fallback") or _html_to_text(html)
    return OutgoingEmail(to=to, subject=subject, html=html, text=str(text))


def _html_to_text(html: str) -> str:
    import re

    text = re.sub(r"<(br|/p|/h\d|/li)\s*/?>", "\n", html, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _build_message(mail: OutgoingEmail) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Message-ID"] = make_msgid(domain="inkwell.app")
    msg.set_content(mail.text)
    msg.add_alternative(mail.html, subtype="html")
    return msg


def send_email(mail: OutgoingEmail) -> None:
    if settings.mail_backend == "console":
        logger.info("[console mail] to=%s subject=%r (%d bytes html)", mail.to, mail.subject, len(mail.html))
        return

    msg = _build_message(mail)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=10) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_username and settings.smtp_password:
                smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
            smtp.send_message(msg)
    except (smtplib.SMTPException, OSError):
        logger.exception("failed to send %r to %s", mail.subject, mail.to)
        return
    logger.info("sent %r to %s", mail.subject, mail.to)


def queue_email(
    background: BackgroundTasks, template: str, *, to: str, subject: str, **context: object
) -> None:
    mail = render_email(template, to=to, subject=subject, **context)
    background.add_task(send_email, mail)
