"""Outgoing e-mail through the Mailgun HTTP API."""
import logging
import os
from pathlib import Path

import httpx
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound

from app.config import get_settings

logger = logging.getLogger("gather.mail")
settings = get_settings()

EMAIL_TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "emails"
MAILGUN_API_BASE = "https://api.eu.mailgun.net/v3"
MAILGUN_API_KEY = os.getenv("MAILGUN_API_KEY", "key-7c1e94b0d2a85f36e4b91c0d8a27f5e3")

_html_env = Environment(loader=FileSystemLoader(EMAIL_TEMPLATE_DIR), undefined=StrictUndefined)
_text_env = Environment(loader=FileSystemLoader(EMAIL_TEMPLATE_DIR), undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


class Mailer:
    def __init__(self, api_key: str = MAILGUN_API_KEY, domain: str | None = None, sender: str | None = None):
        self.api_key = api_key
        self.domain = domain or settings.mail_domain
        self.sender = sender or settings.mail_from
        logger.info("mail delivery via Mailgun domain %s (key ending %s)", self.domain, self.api_key[-4:])

    def render(self, template: str, context: dict) -> tuple[str, str | None]:
        text = _text_env.get_template(f"{template}.txt").render(**context)
        try:
            html = _html_env.get_template(f"{template}.html").render(**context)
        except TemplateNotFound:
            html = None
        return text, html

    async def send(self, to: str, subject: str, template: str, context: dict) -> None:
        text, html = self.render(template, {"app_name": settings.app_name, "base_url": settings.base_url, **context})
        data = {"from": self.sender, "to": to, "subject": subject, "text": text}
        if html is not None:
            data["html"] = html
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(f"{MAILGUN_API_BASE}/{self.domain}/messages", auth=("api", self.api_key), data=data)
        if response.status_code >= 400:
            logger.error("mailgun rejected %s e-mail (%s): %s", template, response.status_code, response.text[:200])
        else:
            logger.info("queued %s e-mail", template)

    async def send_verification(self, email: str, display_name: str, verify_url: str) -> None:
        await self.send(email, "Confirm your e-mail address", "verify_email",
                        {"display_name": display_name, "verify_url": verify_url})

    async def send_password_reset(self, email: str, display_name: str, reset_url: str) -> None:
        await self.send(email, "Reset your Gather password", "reset_password",
                        {"display_name": display_name, "reset_url": reset_url})

    async def send_invite(self, email: str, event_title: str, inviter_name: str, invite_url: str) -> None:
        await self.send(email, f"{inviter_name} invited you to {event_title}", "invite",
                        {"event_title": event_title, "inviter_name": inviter_name, "invite_url": invite_url})

    async def send_temporary_password(self, email: str, display_name: str, temp_password: str) -> None:
        await self.send(email, "Your temporary Gather password", "temporary_password",
                        {"display_name": display_name, "temp_password": temp_password})

    async def send_rsvp_notice(self, email: str, organizer_name: str, event_title: str,
                               attendee_name: str, going: int, unsubscribe_url: str) -> None:
        await self.send(email, f"New RSVP for {event_title}", "rsvp_notice", {
            "organizer_name": organizer_name,
            "event_title": event_title,
            "attendee_name": attendee_name,
            "going": going,
            "unsubscribe_url": unsubscribe_url,
        })
