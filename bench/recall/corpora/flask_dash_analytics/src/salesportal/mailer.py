"""Outgoing e-mail: password resets and access-request notifications."""
import logging
import smtplib
from email.message import EmailMessage

from flask import current_app, render_template_string, url_for

log = logging.getLogger(__name__)

RESET_TEMPLATE = """\
<p>Hello {{ user.full_name }},</p>
<p>Someone asked to reset the password of your {{ app_name }} account.
<a href="{{ link }}">Choose a new password</a>. The link is valid for one hour.</p>
<p>If this was not you, you can ignore this message.</p>
"""

ACCESS_REQUEST_TEMPLATE = """\
<p>{{ user.full_name }} &lt;{{ user.email }}&gt; from team {{ user.team or "n/a" }}
asked for access to {{ app_name }}.</p>
<p><a href="{{ link }}">Review pending requests</a></p>
"""


def _send(recipients, subject, html_body, text_body):
    cfg = current_app.config
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = cfg["MAIL_DEFAULT_SENDER"]
    msg["To"] = ", ".join(recipients)
    msg.set_content(text_body)
    msg.add_alternative(html_body, subtype="html")

    with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=15) as smtp:
        if cfg["MAIL_USE_TLS"]:
            smtp.starttls()
        if cfg["MAIL_USERNAME"]:
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
        smtp.send_message(msg)


def send_password_reset(user, token):
    link = url_for("auth.reset_password", token=token, _external=True)
    html = render_template_string(RESET_TEMPLATE, user=user, link=link)
    _send([user.email], "Reset your Sales Portal password", html, f"Reset your password: {link}")


def notify_access_request(user):
    recipients = current_app.config["ACCESS_REQUEST_RECIPIENTS"]
    if not recipients:
        log.warning("No ACCESS_REQUEST_RECIPIENTS configured; access request %s not announced", user.id)
        return
    link = url_for("admin.users", _external=True)
    html = render_template_string(ACCESS_REQUEST_TEMPLATE, user=user, link=link)
    _send(recipients, f"Access request from {user.full_name}", html, f"Review pending requests: {link}")
