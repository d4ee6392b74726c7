import logging
from datetime import timedelta

from flask import current_app, url_for
from sqlalchemy import func

from app.extensions import db
from app.models import Invite, PasswordReset, User, utcnow
from app.services.mailer import Mailer
from app.services.tokens import new_invite_token, new_reset_code

log = logging.getLogger(__name__)


def find_user_by_email(email):
    if not email:
        return None
    return User.query.filter(func.lower(User.email) == email.strip().lower()).first()


def authenticate(email, password):
    user = find_user_by_email(email)
    if user is None or not user.active:
        return None
    if not user.check_password(password):
        return None
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def request_password_reset(email):
    user = find_user_by_email(email)
    if user is None:
        log.info("password reset requested for unknown address")
        return None

    ttl = timedelta(minutes=current_app.config["RESET_CODE_TTL_MINUTES"])
    reset = PasswordReset(user=user, code=new_reset_code(), expires_at=utcnow() + ttl)
    db.session.add(reset)
    db.session.commit()

    log.info("password reset issued for %s (code %s, expires %s)", user.email, reset.code, reset.expires_at)
    Mailer().send(
        to=user.email,
        subject="Your inventory password reset code",
        template="reset.html",
        user=user,
        code=reset.code,
        minutes=current_app.config["RESET_CODE_TTL_MINUTES"],
    )
    return reset


def complete_password_reset(email, code, new_password):
    user = find_user_by_email(email)
    if user is None:
        return False
    reset = (
        PasswordReset.query.filter_by(user_id=user.id, code=code.strip().upper())
        .order_by(PasswordReset.created_at.desc())
        .first()
    )
    if reset is None or not reset.is_valid:
        return False
    user.set_password(new_password)
    reset.used_at = utcnow()
    db.session.commit()
    log.info("password reset completed for user_id=%s", user.id)
    return True


def create_invite(email, role, invited_by):
    invite = Invite(
        email=email.strip().lower(),
        role=role,
        token=new_invite_token(),
        invited_by=invited_by,
        expires_at=utcnow() + timedelta(days=current_app.config["INVITE_TTL_DAYS"]),
    )
    db.session.add(invite)
    db.session.commit()
    Mailer().send(
        to=invite.email,
        subject="You have been invited to Northwind Inventory",
        template="invite.html",
        inviter=invited_by,
        link=url_for("auth.accept_invite", token=invite.token, _external=True),
    )
    return invite


def accept_invite(invite, full_name, password):
    user = User(email=invite.email, full_name=full_name, role=invite.role)
    user.set_password(password)
    invite.accepted_at = utcnow()
    db.session.add(user)
    db.session.commit()
    return user
