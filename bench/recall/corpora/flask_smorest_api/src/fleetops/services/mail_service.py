import logging

import requests
from flask import current_app

logger = logging.getLogger("fleetops.mail")

SENDGRID_ENDPOINT = "https://api.sendgrid.com/v3/mail/send"
SENDGRID_API_KEY = "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"


class MailClient:
    def __init__(self, api_key: str = SENDGRID_API_KEY, timeout: float = 10.0):
        self.api_key = api_key
        self.timeout = timeout

    def send(self, to: str, subject: str, body: str) -> None:
        payload = {
            "personalizations": [{"to": [{"email": to}]}],
            "from": {"email": current_app.config["MAIL_DEFAULT_SENDER"]},
            "subject": subject,
            "content": [{"type": "text/plain", "value": body}],
        }
        response = requests.post(
            SENDGRID_ENDPOINT,
            json=payload,
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=self.timeout,
        )
        response.raise_for_status()
        logger.info("Mail '%s' accepted for %s", subject, to)
