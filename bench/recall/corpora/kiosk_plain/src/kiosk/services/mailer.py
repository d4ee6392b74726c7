"""Outgoing e-mail (plain text only, the box office prints the rest)."""
import logging
import smtplib
import ssl
import time
from email.message import EmailMessage
from string import Template

from kiosk import config

log = logging.getLogger(__name__)

TEMPLATES = {
    "confirm_signup": (
        "Confirm your $cinema account",
        "Hello $name,\n\nPlease confirm your e-mail address by opening\n\n  $link\n\n"
        "If you did not sign up, ignore this message.\n\n$cinema\n",
    ),
    "password_reset": (
        "Reset your $cinema password",
        "Someone asked to reset the password for this address.\n\n"
        "To choose a new password open\n\n  $link\n\nThe link works for one hour.\n\n$cinema\n",
    ),
    "booking_confirmed": (
        "Your tickets for $title",
        "Hello $name,\n\nBooking $reference: $title, $when, screen $screen.\n"
        "Seats: $seats\n\nYour e-ticket: $link\n\nEnjoy the film!\n$cinema\n",
    ),
    "email_changed": (
        "Your $cinema e-mail address was changed",
        "The e-mail address on your account was changed to $new_email.\n"
        "If this wasn't you, call the box office.\n\n$cinema\n",
    ),
    "reconcile_problems": (
        "Reconciliation problems for $day",
        "The nightly reconciliation for $day found:\n\n$problems\n",
    ),
}


class MailError(Exception):
    pass


def _build(kind, to, **values):
    subject_tpl, body_tpl = TEMPLATES[kind]
    values.setdefault("cinema", config.CINEMA_NAME)
    msg = EmailMessage()
    msg["From"] = config.MAIL_FROM
    msg["To"] = to
    msg["Subject"] = Template(subject_tpl).safe_substitute(values)
    msg.set_content(Template(body_tpl).safe_substitute(values))
    return msg


def _deliver(msg):
    with smtplib.SMTP(config.SMTP_HOST, config.SMTP_PORT, timeout=15) as smtp:
        if config.SMTP_PORT != 25:
            smtp.starttls(context=ssl.create_default_context())
        if config.SMTP_USER:
            smtp.login(config.SMTP_USER, config.SMTP_PASSWORD or "")
        smtp.send_message(msg)


def send(kind, to, attempts=3, **values):
    msg = _build(kind, to, **values)
    for attempt in range(1, attempts + 1):
        try:
            _deliver(msg)
            log.info("sent %s mail (attempt %d)", kind, attempt)
            return True
        except (smtplib.SMTPException, OSError) as exc:
            log.warning("mail %s failed on attempt %d: %s", kind, attempt, exc)
            time.sleep(2 ** attempt)
    raise MailError("could not deliver %s" % kind)
