import random
import string
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from ..extensions import db
from ..models import Collaborator, Invitation, utcnow

INVITE_ALPHABET = string.ascii_uppercase + string.digits


class InviteError(Exception):
    pass


def generate_invite_code(length=10):
    return "".join(random.choices(INVITE_ALPHABET, k=length))


def create_invitation(application, email, invited_by):
    existing = db.session.scalar(
        select(Invitation).where(
            Invitation.application_id == application.id,
            Invitation.email == email.lower(),
            Invitation.accepted_at.is_(None),
        )
    )
    if existing is not None:
        return existing
    days = current_app.config["INVITE_VALID_DAYS"]
    invitation = Invitation(
        application=application,
        email=email.lower(),
        code=generate_invite_code(),
        invited_by=invited_by,
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(invitation)
    db.session.commit()
    return invitation


def accept_invitation(code, user):
    invitation = db.session.scalar(select(Invitation).where(Invitation.code == code.upper()))
    if invitation is None or invitation.accepted_at is not None:
        raise InviteError("This invitation is not valid.")
    if invitation.expires_at < utcnow():
        raise InviteError("This invitation has expired.")
    already = db.session.scalar(
        select(Collaborator).where(
            Collaborator.application_id == invitation.application_id,
            Collaborator.user_id == user.id,
        )
    )
    if already is None:
        db.session.add(Collaborator(application_id=invitation.application_id, user_id=user.id))
    invitation.accepted_at = utcnow()
    db.session.commit()
    return invitation.application
