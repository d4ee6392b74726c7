"""Outgoing e-mail.

Templates are rendered with a standalone Jinja environment rather than
``flask.render_template`` because most mail is sent from the RQ worker,
where there is no request context.
"""
import logging
from pathlib import Path

from flask import current_app
from flask_mail import Message
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound

from ..extensions import mail

log = logging.getLogger(__name__)

EMAIL_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "emails"


def _format_datetime(value, fmt="%A %d %B at %H:%M"):
    return value.strftime(fmt) if value else ""


def _money(cents, currency="GBP"):
    symbol = {"GBP": "£", "EUR": "€"}.get(currency, "")
    return f"{symbol}{cents / 100:,.2f}"


_html_env = Environment(loader=FileSystemLoader(EMAIL_TEMPLATES), trim_blocks=True, lstrip_blocks=True)
_text_env = Environment(
    loader=FileSystemLoader(EMAIL_TEMPLATES),
    autoescape=False,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)
for _env in (_html_env, _text_env):
    _env.filters["datetime"] = _format_datetime
    _env.filters["money"] = _money


def render_email(name, **context):
    context.setdefault("app_name", current_app.config["APP_NAME"])
    context.setdefault("base_url", current_app.config["PUBLIC_BASE_URL"])
    html = _html_env.get_template(f"{name}.html").render(**context)
    try:
        text = _text_env.get_template(f"{name}.txt").render(**context)
    except TemplateNotFound:
        text = None
    return html, text


def send_email(to, subject, template, **context):
    html, text = render_email(template, **context)
    msg = Message(subject=subject, recipients=[to], html=html, body=text)
    mail.send(msg)
    log.info("Sent %s mail to %s", template, to)


def send_appointment_reminder(appointment, hours_before):
    owner = appointment.owner
    subject = f"Reminder: {appointment.pet.name}'s appointment at {appointment.clinic.name}"
    send_email(
        owner.email,
        subject,
        "reminder",
        owner=owner,
        pet=appointment.pet,
        clinic=appointment.clinic,
        appointment=appointment,
        hours_before=hours_before,
        confirm_link=None,
    )


def send_owner_reset_code(owner, code, ttl_minutes):
    send_email(
        owner.email,
        "Your PawPrint password reset code",
        "account",
        owner=owner,
        code=code,
        ttl_minutes=ttl_minutes,
        purpose="reset",
    )


def send_owner_verification(email, first_name, link):
    send_email(
        email,
        "Confirm your PawPrint account",
        "account",
        owner={"first_name": first_name},
        link=link,
        purpose="verify",
    )


def send_staff_link(staff, link, invited=False):
    subject = "You've been invited to PawPrint" if invited else "Reset your PawPrint password"
    send_email(
        staff.email,
        subject,
        "account",
        owner={"first_name": staff.full_name.split(" ")[0]},
        link=link,
        purpose="staff-invite" if invited else "staff-reset",
    )
