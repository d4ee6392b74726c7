"""Outgoing e-mail rendered from Jinja templates."""
import asyncio
import smtplib
from email.message import EmailMessage
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from billing.config import get_settings

_TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates" / "email"


class Mailer:
    def __init__(self) -> None:
        self.settings = get_settings()
        self.env = Environment(
            loader=FileSystemLoader(str(_TEMPLATE_DIR)),
            autoescape=select_autoescape(["html", "xml"]),
        )

    def _send(self, msg: EmailMessage) -> None:
        with smtplib.SMTP(self.settings.smtp_host, self.settings.smtp_port) as smtp:
            smtp.send_message(msg)

    async def send_template(self, to: str, subject: str, template: str, context: dict) -> None:
        body = self.env.get_template(template).render(**context)
        msg = EmailMessage()
        msg["From"] = self.settings.mail_from
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content("This message requires an HTML-capable mail client.")
        msg.add_alternative(body, subtype="html")
        await asyncio.to_thread(self._send, msg)
