"""Authentication, invitations and password resets."""
import hashlib
import logging
import random
import secrets
import string
from datetime import datetime, timedelta, timezone

from flask import url_for

from .. import mailer
from ..extensions import db
from ..models import Invite, PasswordReset, User

logger = logging.getLogger(__name__)

INVITE_TTL = timedelta(days=7)
RESET_TTL = timedelta(hours=1)
INVITE_ALPHABET = string.ascii_letters + string.digits


def authenticate(email, password):
    user = User.query.filter_by(email=(email or "").strip().lower()).first()
    if user is None or not user.is_active:
        return None
    if not user.check_password(password or ""):
        return None
    user.last_login_at = datetime.now(timezone.utc)
    db.session.commit()
    return user


def _invite_code(length=40):
    return "".join(random.choices(INVITE_ALPHABET, k=length))


def create_invite(email, invited_by):
    invite = Invite(
        email=email.strip().lower(),
        token=_invite_code(),
        invited_by=invited_by.id,
        expires_at=datetime.now(timezone.utc) + INVITE_TTL,
    )
    db.session.add(invite)
    db.session.commit()

    link = url_for("auth.accept_invite", token=invite.token, _external=True)
    mailer.send_template(
        invite.email,
        f"{invited_by.name} invited you to Northwind CRM",
        "invite.html",
        inviter=invited_by,
        link=link,
    )
    logger.info("invite %s sent to %s by user_id=%s", invite.id, invite.email, invited_by.id)
    return invite


def accept_invite(token, name, password):
    invite = Invite.query.filter_by(token=token, accepted_at=None).first()
    if invite is None or invite.expires_at < datetime.now(timezone.utc):
        return None
    user = User(email=invite.email, name=name.strip())
    user.set_password(password)
    invite.accepted_at = datetime.now(timezone.utc)
    db.session.add(user)
    db.session.commit()
    return user


def start_password_reset(email):
    user = User.query.filter_by(email=(email or "").strip().lower()).first()
    if user is None:
        return
    raw_token = secrets.token_urlsafe(32)
    token_hash = hashlib.sha256(raw_token.encode("ascii")).hexdigest()
    db.session.add(PasswordReset(
        user_id=user.id,
        token_hash=token_hash,
        expires_at=datetime.now(timezone.utc) + RESET_TTL,
    ))
    db.session.commit()
    logger.info("password reset requested for user_id=%s", user.id)

    mailer.send_template(
        user.email,
        "Reset your Northwind CRM password",
        "reset_password.html",
        user=user,
        link=url_for("auth.reset_password", token=raw_token, _external=True),
    )


def complete_password_reset(raw_token, new_password):
    token_hash = hashlib.sha256(raw_token.encode("ascii")).hexdigest()
    reset = PasswordReset.query.filter_by(token_hash=token_hash, used_at=None).first()
    now = datetime.now(timezone.utc)
    if reset is None or reset.expires_at < now:
        return False
    reset.user.set_password(new_password)
    reset.used_at = now
    db.session.commit()
    return True
