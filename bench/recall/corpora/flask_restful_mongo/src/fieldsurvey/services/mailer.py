"""Outgoing e-mail through SendGrid's v3 HTTP API.

Mail is rendered and sent from the RQ worker, so templates are loaded with a
plain Jinja2 environment instead of Flask's ``render_template``.
"""
import logging

import requests
from jinja2 import Environment, PackageLoader, StrictUndefined

log = logging.getLogger(__name__)

SENDGRID_ENDPOINT = "https://api.sendgrid.com/v3/mail/send"
SENDGRID_API_KEY = "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"
DEFAULT_SENDER = "no-reply@survey.example.org"

_html_env = Environment(loader=PackageLoader("fieldsurvey", "templates/email"), undefined=StrictUndefined)
_text_env = Environment(loader=PackageLoader("fieldsurvey", "templates/email"), autoescape=False, keep_trailing_newline=True)


class MailError(RuntimeError):
    pass


def render_message(template, **context):
    html = _html_env.get_template(f"{template}.html").render(**context)
    text = _text_env.get_template(f"{template}.txt").render(**context)
    return html, text


def send_mail(to, subject, template, context, sender=DEFAULT_SENDER, timeout=10):
    html, text = render_message(template, **context)
    payload = {
        "personalizations": [{"to": [{"email": to}]}],
        "from": {"email": sender, "name": "Field Survey"},
        "subject": subject,
        "content": [
            {"type": "text/plain", "value": text},
            {"type": "text/html", "value": html},
        ],
    }
    response = requests.post(
        SENDGRID_ENDPOINT,
        json=payload,
        headers={"Authorization": f"Bearer {SENDGRID_API_KEY}"},
        timeout=timeout,
    )
    if response.status_code >= 400:
        log.error("sendgrid rejected message to %s: status=%s", to, response.status_code)
        raise MailError(f"SendGrid returned {response.status_code}")
    log.info("sent %s mail to %s", template, to)
