import datetime
import random
import string

from ..models import Invite
from .mail import send_invite_email

INVITE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_VALID_DAYS = 14


def _invite_code(length=10):
    return "".join(random.choices(INVITE_ALPHABET, k=length))


def create_invite(site, email, invited_by):
    invite = Invite.create(
        site=site,
        email=email.strip().lower(),
        code=_invite_code(),
        invited_by=invited_by,
        expires_at=datetime.datetime.utcnow() + datetime.timedelta(days=INVITE_VALID_DAYS),
    )
    send_invite_email(invite)
    return invite


def find_open_invite(code):
    return (
        Invite.select()
        .where(
            (Invite.code == code)
            & (Invite.accepted == False)  # noqa: E712
            & (Invite.expires_at > datetime.datetime.utcnow())
        )
        .first()
    )
