"""Outgoing e-mail (SMTP via aiosmtplib)."""
from __future__ import annotations

import logging
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Iterable, Sequence

import aiosmtplib
from jinja2 import Environment, FileSystemLoader

from gatepass.config import BASE_DIR

logger = logging.getLogger(__name__)

EMAIL_TEMPLATES = BASE_DIR / "templates" / "email"

VERIFY_TEXT = """Hi {name},

Welcome to Gatepass! Your verification code is:

    {code}

It expires in 30 minutes.
"""

RESET_TEXT = """Hi {name},

Someone (hopefully you) asked to reset your Gatepass password.
Use this link within the next hour:

{url}

If you didn't ask for this you can ignore this e-mail.
"""

TRANSFER_TEXT = """Hi {name},

{sender} has sent you a ticket for {event}. It is now in your account:
{url}
"""


class Mailer:
    def __init__(self, *, host: str, port: int, username: str, password: str, sender: str, base_url: str):
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.sender = sender
        self.base_url = base_url
        self.templates = Environment(loader=FileSystemLoader(str(EMAIL_TEMPLATES)), trim_blocks=True, lstrip_blocks=True)

    @classmethod
    def from_config(cls, config) -> "Mailer":
        return cls(
            host=config.SMTP_HOST,
            port=config.SMTP_PORT,
            username=config.SMTP_USER,
            password=config.SMTP_PASSWORD,
            sender=config.MAIL_FROM,
            base_url=config.PUBLIC_BASE_URL,
        )

    async def send(
        self,
        to: str,
        subject: str,
        text: str,
        html: str | None = None,
        attachments: Iterable[tuple[str, bytes, str]] = (),
    ) -> None:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain="gatepass.events")
        message.set_content(text)
        if html is not None:
            message.add_alternative(html, subtype="html")
        for filename, data, mime in attachments:
            maintype, subtype = mime.split("/", 1)
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)

        await aiosmtplib.send(
            message,
            hostname=self.host,
            port=self.port,
            username=self.username or None,
            password=self.password or None,
            start_tls=self.port == 587,
            timeout=20,
        )

    async def send_verification(self, to: str, name: str, code: str) -> None:
        await self.send(to, "Your Gatepass verification code", VERIFY_TEXT.format(name=name, code=code))

    async def send_password_reset(self, to: str, name: str, url: str) -> None:
        logger.info("sending password reset to %s: %s", to, url)
        await self.send(to, "Reset your Gatepass password", RESET_TEXT.format(name=name, url=url))

    async def send_transfer_notice(self, to: str, name: str, sender: str, event_title: str) -> None:
        body = TRANSFER_TEXT.format(name=name, sender=sender, event=event_title, url=f"{self.base_url}/tickets/")
        await self.send(to, f"You've received a ticket for {event_title}", body)

    async def send_tickets(
        self,
        to: str,
        *,
        holder_name: str,
        event,
        order,
        tickets: Sequence,
        qr_images: Sequence[bytes],
    ) -> None:
        context = {
            "holder_name": holder_name,
            "event": event,
            "order": order,
            "tickets": tickets,
            "tickets_url": f"{self.base_url}/tickets/",
        }
        html = self.templates.get_template("ticket.html").render(**context)
        text = (
            f"Hi {holder_name},\n\nYour tickets for {event['title']} are attached. "
            f"Order reference: {order['reference']}.\n\nYou can also find them at {self.base_url}/tickets/\n"
        )
        attachments = [
            (f"ticket-{ticket['id']}.png", image, "image/png") for ticket, image in zip(tickets, qr_images)
        ]
        await self.send(to, f"Your tickets for {event['title']}", text, html=html, attachments=attachments)
