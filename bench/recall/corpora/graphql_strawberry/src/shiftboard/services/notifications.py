"""Outgoing e-mail (Postmark) and SMS."""
from __future__ import annotations

from typing import Any

import httpx
import structlog
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..config import get_settings

settings = get_settings()
log = structlog.get_logger(__name__)

POSTMARK_URL = "https://api.postmarkapp.com/email"

_html_env = Environment(loader=PackageLoader("shiftboard", "templates/email"), undefined=StrictUndefined)

# SMS bodies are plain text, so there is nothing to escape.
_text_env = Environment(autoescape=False, keep_trailing_newline=False, undefined=StrictUndefined)

SMS_TEMPLATES = {
    "shift_reminder": (
        "Shiftboard: {{ shift.title }} starts {{ starts_at }}"
        "{% if shift.location %} at {{ shift.location }}{% endif %}. Reply STOP to opt out."
    ),
    "shift_cancelled": "Shiftboard: {{ shift.title }} on {{ starts_at }} has been cancelled. Sorry!",
}


class DeliveryError(Exception):
    pass


def render_email(template_name: str, **context: Any) -> str:
    context.setdefault("app_url", settings.oauth_redirect_base)
    return _html_env.get_template(template_name).render(**context)


def render_sms(kind: str, **context: Any) -> str:
    return _text_env.from_string(SMS_TEMPLATES[kind]).render(**context)


async def send_email(to: str, subject: str, html: str, text: str | None = None, tag: str | None = None) -> None:
    if not settings.postmark_server_token:
        log.warning("email.skipped_no_token", to_domain=to.rsplit("@", 1)[-1], subject=subject)
        return
    payload = {
        "From": settings.mail_from,
        "To": to,
        "Subject": subject,
        "HtmlBody": html,
        "TextBody": text or "",
        "MessageStream": "outbound",
    }
    if tag:
        payload["Tag"] = tag
    headers = {
        "Accept": "application/json",
        "X-Postmark-Server-Token": settings.postmark_server_token,
    }
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(POSTMARK_URL, json=payload, headers=headers)
    if resp.status_code >= 400:
        log.error("email.failed", status=resp.status_code, error_code=resp.json().get("ErrorCode"))
        raise DeliveryError(f"postmark returned {resp.status_code}")


async def send_sms(phone: str, body: str) -> None:
    if not settings.sms_api_key:
        log.warning("sms.skipped_no_key")
        return
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(
            settings.sms_gateway_url,
            json={"to": phone, "body": body[:480]},
            headers={"Authorization": f"Bearer {settings.sms_api_key}"},
        )
    if resp.status_code >= 400:
        raise DeliveryError(f"sms gateway returned {resp.status_code}")


async def send_password_reset(email: str, display_name: str, link: str) -> None:
    """Called from a FastAPI background task right after the reset request."""
    minutes = settings.password_reset_ttl_minutes
    text = (
        f"Hi {display_name},\n\n"
        f"Use this link within {minutes} minutes to choose a new password:\n{link}\n\n"
        "If you did not ask for this you can ignore this e-mail.\n"
    )
    html = render_email("message.html", display_name=display_name, subject="Reset your password", body=text)
    try:
        await send_email(email, "Reset your Shiftboard password", html, text, tag="password-reset")
    except (DeliveryError, httpx.HTTPError):
        log.exception("password_reset.email_failed")
