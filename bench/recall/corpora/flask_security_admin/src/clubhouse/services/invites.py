"""Guest passes: members may bring a guest to open events."""
import random
import string
from datetime import datetime

from flask import current_app, url_for
from flask_mail import Message

from ..extensions import db, mail
from ..models import GuestPass

GUEST_PASS_ALPHABET = string.ascii_uppercase + string.digits
GUEST_PASS_EMAIL = """Hello {guest},

{host} has invited you to {title} on {when}.

Show this code at the front desk: {code}

Event details: {url}

See you there,
Riverside Sports Club
"""


class GuestPassError(Exception):
    pass


def make_guest_pass_code(length=8):
    return "".join(random.choices(GUEST_PASS_ALPHABET, k=length))


def passes_left(event, host):
    used = GuestPass.query.filter_by(event_id=event.id, host_id=host.id).count()
    return max(event.guest_passes_allowed - used, 0)


def create_guest_pass(event, host, guest_name, guest_email):
    if passes_left(event, host) <= 0:
        raise GuestPassError("You have used all guest passes for this event.")
    guest_pass = GuestPass(
        code=make_guest_pass_code(),
        event=event,
        host=host,
        guest_name=guest_name.strip(),
        guest_email=guest_email.strip().lower(),
    )
    db.session.add(guest_pass)
    db.session.commit()
    _send_guest_pass(guest_pass)
    return guest_pass


def redeem(code):
    guest_pass = GuestPass.query.filter_by(code=code.upper(), redeemed_at=None).first()
    if guest_pass is None:
        return None
    guest_pass.redeemed_at = datetime.utcnow()
    db.session.commit()
    return guest_pass


def _send_guest_pass(guest_pass):
    event = guest_pass.event
    body = GUEST_PASS_EMAIL.format(
        guest=guest_pass.guest_name,
        host=guest_pass.host.full_name,
        title=event.title,
        when=event.starts_at.strftime("%A %d %B at %H:%M"),
        code=guest_pass.code,
        url=url_for("events.detail", event_id=event.id, _external=True),
    )
    msg = Message(subject=f"Your guest pass for {event.title}", recipients=[guest_pass.guest_email], body=body)
    mail.send(msg)
    current_app.logger.info("guest pass %s sent for event %s", guest_pass.id, guest_pass.event_id)
