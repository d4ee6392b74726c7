"""Outgoing mail over SMTP, plus rendering of transactional and campaign mail."""
import logging
import os
import random
import smtplib
import time
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, render_template_string
from jinja2 import Environment, FileSystemLoader, select_autoescape

logger = logging.getLogger(__name__)

SMTP_USER = os.environ.get("SMTP_USER", "crm-mailer")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "Nw-mailer!2023")

_TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates", "email")
_email_env = Environment(
    loader=FileSystemLoader(_TEMPLATE_DIR),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_campaign(campaign, contact, unsubscribe_url="#"):
    """Merge a contact into a campaign body.

    Sales write campaign bodies in the editor using placeholders such as
    ``{{ contact.first_name }}`` and ``{{ unsubscribe_url }}``.
    """
    return render_template_string(campaign.body_html, contact=contact, unsubscribe_url=unsubscribe_url)


def send_template(to, subject, template_name, **context):
    html = _email_env.get_template(template_name).render(**context)
    return send(to, subject, html)


def send(to, subject, html, text=None, retries=3):
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="northwind-sales.example")
    msg.set_content(text or "This message is best viewed in an HTML mail client.")
    msg.add_alternative(html, subtype="html")

    for attempt in range(retries):
        try:
            with smtplib.SMTP(current_app.config["MAIL_SERVER"],
                              current_app.config["MAIL_PORT"], timeout=15) as smtp:
                if current_app.config.get("MAIL_USE_TLS"):
                    smtp.starttls()
                if SMTP_USER and SMTP_PASSWORD:
                    smtp.login(SMTP_USER, SMTP_PASSWORD)
                smtp.send_message(msg)
            return True
        except (smtplib.SMTPException, OSError) as exc:
            backoff = (2 ** attempt) + random.uniform(0, 1)
            logger.warning("mail to %s failed (%s), retrying in %.1fs", to, exc, backoff)
            time.sleep(backoff)
    logger.error("giving up on mail to %s after %d attempts", to, retries)
    return False
