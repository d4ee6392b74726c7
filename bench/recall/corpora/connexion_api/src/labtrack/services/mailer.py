"""Outgoing e-mail, rendered from templates/emails (HTML and plain-text parts)."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

import structlog
from flask import current_app
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

log = structlog.get_logger(__name__)

_html_env = Environment(
    loader=PackageLoader("labtrack", "templates/emails"),
    autoescape=select_autoescape(["html", "xml"]),
    undefined=StrictUndefined,
)
# Plain-text parts are never interpreted as markup by mail clients.
_text_env = Environment(loader=PackageLoader("labtrack", "templates/emails"), autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True)


def render(template: str, **context) -> tuple[str, str]:
    html = _html_env.get_template(f"{template}.html").render(**context)
    text = _text_env.get_template(f"{template}.txt").render(**context)
    return html, text


def send(to: str, subject: str, template: str, **context) -> None:
    cfg = current_app.config
    html, text = render(template, app_name=cfg["APP_NAME"], base_url=cfg["PUBLIC_BASE_URL"], **context)

    message = EmailMessage()
    message["From"] = cfg["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    message.add_alternative(html, subtype="html")

    with smtplib.SMTP(cfg["SMTP_HOST"], cfg["SMTP_PORT"], timeout=20) as smtp:
        if cfg["SMTP_USER"]:
            smtp.starttls()
            smtp.login(cfg["SMTP_USER"], cfg["SMTP_PASSWORD"])
        smtp.send_message(message)
    log.info("email_sent", template=template, recipient_domain=to.rsplit("@", 1)[-1])
