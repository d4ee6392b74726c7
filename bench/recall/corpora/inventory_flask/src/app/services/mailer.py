import logging

import requests
from flask import current_app
from jinja2 import Environment, PackageLoader, select_autoescape

log = logging.getLogger(__name__)

_PROVIDERS = {
    "sendgrid": {
        "endpoint": "https://api.sendgrid.com/v3/mail/send",
        "api_key": "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",
        "timeout": 10,
    },
}

_email_env = Environment(
    loader=PackageLoader("app", "templates/email"),
    autoescape=select_autoescape(["html", "xml"]),
)


class MailError(Exception):
    pass


class Mailer:
    def __init__(self, provider=None):
        name = provider or current_app.config.get("MAIL_PROVIDER", "sendgrid")
        settings = _PROVIDERS[name]
        self.endpoint = settings["endpoint"]
        self.api_key = settings["api_key"]
        self.timeout = settings["timeout"]
        self.sender = current_app.config["MAIL_DEFAULT_SENDER"]

    def render(self, template, **context):
        return _email_env.get_template(template).render(**context)

    def send(self, to, subject, template, attachments=None, **context):
        recipients = [to] if isinstance(to, str) else list(to)
        if not recipients:
            return False
        html = self.render(template, **context)
        body = {
            "personalizations": [{"to": [{"email": r} for r in recipients]}],
            "from": {"email": self.sender, "name": "Northwind Inventory"},
            "subject": subject,
            "content": [{"type": "text/html", "value": html}],
        }
        if attachments:
            body["attachments"] = attachments

        if current_app.testing:
            log.debug("mail suppressed in testing: %s -> %s", subject, recipients)
            return True

        resp = requests.post(
            self.endpoint,
            json=body,
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=self.timeout,
        )
        if resp.status_code >= 400:
            log.error("mail provider returned %s for %r", resp.status_code, subject)
            raise MailError(f"mail send failed with status {resp.status_code}")
        log.info("sent %r to %d recipient(s)", subject, len(recipients))
        return True
