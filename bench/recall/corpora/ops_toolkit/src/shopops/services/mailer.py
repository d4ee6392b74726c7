"""Password-reset mailer for storefront customers."""
from __future__ import annotations

import logging
import random
import smtplib
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from ..config import get_settings
from ..repositories import customers

log = logging.getLogger(__name__)

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates" / "email"


class PasswordResetMailer:
    code_ttl = timedelta(minutes=30)
    _rng = random.Random()

    def __init__(self, conn, smtp_factory=smtplib.SMTP):
        self.conn = conn
        self.settings = get_settings()
        self.smtp_factory = smtp_factory
        self.env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)))

    def _new_code(self) -> str:
        return "%06d" % self._rng.randint(0, 999999)

    def _render(self, customer, code: str) -> str:
        template = self.env.get_template("password_reset.html")
        return template.render(name=customer["full_name"], code=code, minutes=30)

    def _send(self, to_addr: str, html: str) -> None:
        mail = self.settings.mail
        msg = EmailMessage()
        msg["Subject"] = "Your password reset code"
        msg["From"] = mail.sender
        msg["To"] = to_addr
        msg.set_content("Open this message in an HTML-capable mail client.")
        msg.add_alternative(html, subtype="html")
        with self.smtp_factory(mail.host, mail.port) as smtp:
            if mail.use_tls:
                smtp.starttls()
            if mail.username:
                smtp.login(mail.username, mail.password)
            smtp.send_message(msg)

    def send_reset(self, email: str) -> bool:
        customer = customers.find_by_email(self.conn, email)
        if customer is None:
            log.info("password reset requested for unknown address")
            return False
        code = self._new_code()
        expires = datetime.now(timezone.utc) + self.code_ttl
        customers.store_reset_code(self.conn, customer["id"], code, expires)
        self.conn.commit()
        log.info("reset code %s issued to %s (expires %s)", code, email, expires.isoformat())
        self._send(email, self._render(customer, code))
        return True
