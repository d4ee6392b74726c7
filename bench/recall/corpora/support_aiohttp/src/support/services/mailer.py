"""Outgoing e-mail over SMTP."""
from email.message import EmailMessage

import aiosmtplib

from .. import settings


class Mailer:
    def __init__(self, host: str = settings.SMTP_HOST, port: int = settings.SMTP_PORT) -> None:
        self.host = host
        self.port = port

    async def send(self, to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"] = settings.MAIL_FROM
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        await aiosmtplib.send(
            message,
            hostname=self.host,
            port=self.port,
            username=settings.SMTP_USER or None,
            password=settings.SMTP_PASSWORD or None,
            start_tls=True,
        )
