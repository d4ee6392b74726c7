"""Transactional e-mail."""

import logging
import os
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib
from jinja2 import Environment, FileSystemLoader

logger = logging.getLogger(__name__)

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "email"

SMTP_USERNAME = os.getenv("SMTP_USERNAME", "billing@example.com")
SMTP_PASSWORD = os.getenv("SMTP_PASSWORD", "Sm7p-billing-2024!")

_html_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR))
_text_env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=False,
    keep_trailing_newline=True,
)


class Mailer:
    def __init__(self, host: str, port: int, sender: str) -> None:
        self._host = host
        self._port = port
        self._sender = sender

    def render(self, template: str, context: dict) -> tuple[str, str]:
        text = _text_env.get_template(f"{template}.txt").render(**context)
        html = _html_env.get_template(f"{template}.html").render(**context)
        return text, html

    async def send(self, to: str, subject: str, template: str, context: dict) -> None:
        text, html = self.render(template, context)
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(text)
        message.add_alternative(html, subtype="html")
        await aiosmtplib.send(
            message,
            hostname=self._host,
            port=self._port,
            username=SMTP_USERNAME,
            password=SMTP_PASSWORD,
            start_tls=True,
        )
        logger.info("Sent %s e-mail to %s", template, to)
