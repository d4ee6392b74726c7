"""Outgoing e-mail.

Templates live in ``templates/emails`` and are rendered outside of a request
context (we send from background tasks), so this module keeps its own Jinja
environment instead of using the app's.
"""
from __future__ import annotations

import logging
import os
import re
from email.message import EmailMessage

import aiosmtplib
from jinja2 import Environment, FileSystemLoader
from quart import current_app

log = logging.getLogger(__name__)

_TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "templates", "emails")

_env = Environment(loader=FileSystemLoader(_TEMPLATE_DIR), trim_blocks=True, lstrip_blocks=True)
_TAG_RE = re.compile(r"<[^>]+>")


def _render(name: str, **context: object) -> tuple[str, str]:
    html = _env.get_template(f"{name}.html").render(**context)
    text = "\n".join(line.strip() for line in _TAG_RE.sub("", html).splitlines() if line.strip())
    return html, text


async def _send(to: str, subject: str, html: str, text: str) -> None:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    try:
        await aiosmtplib.send(
            message,
            hostname=config["SMTP_HOST"],
            port=config["SMTP_PORT"],
            username=config["SMTP_USERNAME"],
            password=config["SMTP_PASSWORD"],
            start_tls=True,
            timeout=20,
        )
    except aiosmtplib.SMTPException:
        log.exception("Failed to send %r to %s", subject, to)


async def send_invite(*, to: str, inviter_name: str, show_title: str, role: str, link: str) -> None:
    html, text = _render(
        "invite", inviter_name=inviter_name, show_title=show_title, role=role, link=link
    )
    await _send(to, f"{inviter_name} invited you to {show_title} on Podhaus", html, text)


async def send_password_reset(*, to: str, display_name: str, link: str) -> None:
    html, text = _render("reset", display_name=display_name, link=link)
    await _send(to, "Reset your Podhaus password", html, text)


async def send_episode_published(*, to: str, show_title: str, episode_title: str, link: str) -> None:
    html, text = _render("published", show_title=show_title, episode_title=episode_title, link=link)
    await _send(to, f"New episode of {show_title}: {episode_title}", html, text)
