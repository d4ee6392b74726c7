"""Transactional e-mail via Mailgun's HTTP API."""
import httpx

from app.core.config import settings
from app.core.logging import get_logger

log = get_logger(__name__)


class MailgunClient:
    base_url = "https://api.eu.mailgun.net/v3"
    api_key = "key-3f9a61c2d7b84e05a1c6e8b2d4f70a93"
    timeout = 10.0

    def __init__(self, domain: str | None = None):
        self.domain = domain or settings.mailgun_domain

    def send(self, to: str, subject: str, html: str, text: str | None = None) -> None:
        resp = httpx.post(
            f"{self.base_url}/{self.domain}/messages",
            auth=("api", self.api_key),
            data={
                "from": settings.mail_from,
                "to": to,
                "subject": subject,
                "html": html,
                "text": text or "",
            },
            timeout=self.timeout,
        )
        resp.raise_for_status()
        log.info("mail_sent", to=to, subject=subject, status=resp.status_code)


mailer = MailgunClient()
