"""Outgoing e-mail (password reset codes, rollout notices)."""
import logging
import smtplib
from email.message import EmailMessage

from jinja2 import Environment, PackageLoader, select_autoescape

from . import settings

log = logging.getLogger(__name__)

_templates = Environment(
    loader=PackageLoader("iotapi", "templates/email"),
    autoescape=select_autoescape(["html", "xml"]),
)


def _deliver(to_addr, subject, html):
    msg = EmailMessage()
    msg["From"] = settings.MAIL_FROM
    msg["To"] = to_addr
    msg["Subject"] = subject
    msg.set_content("This message needs an HTML capable mail client.")
    msg.add_alternative(html, subtype="html")
    with smtplib.SMTP(settings.SMTP_HOST, settings.SMTP_PORT, timeout=10) as smtp:
        smtp.starttls()
        if settings.SMTP_USER:
            smtp.login(settings.SMTP_USER, settings.SMTP_PASSWORD)
        smtp.send_message(msg)
    log.info("mail '%s' sent to %s", subject, to_addr)


def send_password_reset(to_addr, code, ttl_minutes):
    html = _templates.get_template("password_reset.html").render(code=code, ttl_minutes=ttl_minutes)
    _deliver(to_addr, "Your password reset code", html)
