"""Outgoing e-mail: Jinja-rendered HTML messages with a plain-text fallback."""

from __future__ import annotations

import logging
import re
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import aiosmtplib
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from studio.config.settings import MailSettings, get_settings
from studio.templating import money, nice_date

logger = logging.getLogger(__name__)

_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_html_env = Environment(
    loader=FileSystemLoader(_TEMPLATES / "email"),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_html_env.filters.update(money=money, nice_date=nice_date)

# Plain-text bodies (.txt) and SMS; HTML escaping would only mangle them.
_text_env = Environment(
    loader=FileSystemLoader(_TEMPLATES / "text"),
    autoescape=False,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)
_text_env.filters.update(money=money, nice_date=nice_date)

_TAG_RE = re.compile(r"<[^>]+>")


def _html_to_text(html: str) -> str:
    text = _TAG_RE.sub("", html)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class Mailer:
    def __init__(self, settings: MailSettings | None = None) -> None:
        self.settings = settings or get_settings().mail
        url = urlparse(self.settings.smtp_url)
        self._host = url.hostname or "localhost"
        self._port = url.port or 25
        self._username = unquote(url.username) if url.username else None
        self._password = unquote(url.password) if url.password else None
        self._use_tls = url.scheme == "smtps"
        self._start_tls = url.scheme == "smtp" and self._port == 587

    def render_html(self, template: str, context: dict[str, Any]) -> str:
        return _html_env.get_template(template).render(**context)

    def render_text(self, template: str, context: dict[str, Any]) -> str:
        return _text_env.get_template(template).render(**context)

    async def send(self, to: str, subject: str, html: str | None = None, text: str | None = None) -> None:
        msg = EmailMessage()
        msg["From"] = self.settings.from_address
        msg["To"] = to
        msg["Subject"] = subject
        if self.settings.reply_to:
            msg["Reply-To"] = self.settings.reply_to
        msg.set_content(text or _html_to_text(html or ""))
        if html:
            msg.add_alternative(html, subtype="html")
        await aiosmtplib.send(
            msg,
            hostname=self._host,
            port=self._port,
            username=self._username,
            password=self._password,
            use_tls=self._use_tls,
            start_tls=self._start_tls,
            timeout=20,
        )
        logger.info("mail sent to=%s subject=%r", to, subject)

    async def send_template(self, to: str, subject: str, template: str, context: dict[str, Any]) -> None:
        await self.send(to=to, subject=subject, html=self.render_html(template, context))

    async def send_text_template(self, to: str, subject: str, template: str, context: dict[str, Any]) -> None:
        await self.send(to=to, subject=subject, text=self.render_text(template, context))
