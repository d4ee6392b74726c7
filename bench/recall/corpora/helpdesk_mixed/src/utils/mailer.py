"""Tiny SMTP wrapper. Flask templates are used for bodies so they can be edited by the team."""
import logging
import smtplib
from email.message import EmailMessage

from flask import render_template

import settings

log = logging.getLogger(__name__)


def send(to, subject, text, html=None, reply_to=None):
    msg = EmailMessage()
    msg["From"] = settings.MAIL_FROM
    msg["To"] = to if isinstance(to, str) else ", ".join(to)
    msg["Subject"] = subject
    if reply_to:
        msg["Reply-To"] = reply_to
    msg.set_content(text)
    if html:
        msg.add_alternative(html, subtype="html")

    try:
        with smtplib.SMTP(settings.SMTP_HOST, settings.SMTP_PORT, timeout=15) as smtp:
            smtp.starttls()
            if settings.SMTP_PASSWORD:
                smtp.login(settings.SMTP_USER, settings.SMTP_PASSWORD)
            smtp.send_message(msg)
    except (smtplib.SMTPException, OSError):
        log.exception("could not send mail %r to %s", subject, msg["To"])
        return False
    log.info("mail %r sent to %s", subject, msg["To"])
    return True


def send_template(to, subject, template, **context):
    text = render_template(template, **context)
    return send(to, subject, text)
