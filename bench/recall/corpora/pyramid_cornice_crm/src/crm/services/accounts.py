import hashlib
import logging
import secrets
import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from crm.models import Invite, PasswordReset, User
from crm.services.mail import send_template_mail
from crm.services.tokens import hash_token
from crm.utils import normalize_email, random_string

log = logging.getLogger(__name__)

RESET_TOKEN_LIFETIME = timedelta(hours=1)
INVITE_LIFETIME = timedelta(days=7)


class AccountError(Exception):
    pass


def _now():
    return datetime.now(timezone.utc)


def find_user(dbsession, email):
    return dbsession.scalars(select(User).where(User.email == normalize_email(email))).first()


def create_invite(request, email, role, invited_by):
    token = random_string(40)
    invite = Invite(
        email=normalize_email(email),
        role=role,
        token=token,
        invited_by_id=invited_by.id,
        expires_at=_now() + INVITE_LIFETIME,
    )
    request.dbsession.add(invite)
    send_template_mail(
        request,
        to=invite.email,
        subject="You have been invited to Acme CRM",
        template="invite.txt.jinja2",
        inviter=invited_by.full_name or invited_by.email,
        accept_url=request.route_url("invite_accept", token=token),
        expires_at=invite.expires_at,
    )
    return invite


def pending_invite(dbsession, token):
    invite = dbsession.scalars(select(Invite).where(Invite.token == token)).first()
    if invite is None or invite.accepted_at is not None or invite.expires_at < _now():
        return None
    return invite


def accept_invite(dbsession, invite, full_name, password):
    if find_user(dbsession, invite.email) is not None:
        raise AccountError("An account with this e-mail address already exists.")
    user = User(email=invite.email, full_name=full_name.strip(), role=invite.role)
    user.set_password(password)
    dbsession.add(user)
    invite.accepted_at = _now()
    return user


def request_password_reset(request, email):
    user = find_user(request.dbsession, email)
    if user is None or not user.is_active:
        return
    raw_token = secrets.token_urlsafe(32)
    request.dbsession.add(
        PasswordReset(user_id=user.id, token_hash=hash_token(raw_token), expires_at=_now() + RESET_TOKEN_LIFETIME)
    )
    log.info("password reset requested for user_id=%s", user.id)
    send_template_mail(
        request,
        to=user.email,
        subject="Reset your Acme CRM password",
        template="action_link.txt.jinja2",
        name=user.full_name,
        intro="Somebody (hopefully you) asked to reset the password of your Acme CRM account.\n"
        "Use the link below within one hour to choose a new one:",
        url=request.route_url("password_reset_confirm", token=raw_token),
        outro="If you did not ask for this, ignore this message; your password stays the same.",
        signature="Acme CRM",
    )


def pending_reset(dbsession, raw_token):
    reset = dbsession.scalars(select(PasswordReset).where(PasswordReset.token_hash == hash_token(raw_token))).first()
    if reset is None or reset.used_at is not None or reset.expires_at < _now():
        return None
    return reset


def complete_password_reset(dbsession, reset, new_password):
    reset.user.set_password(new_password)
    reset.used_at = _now()
    log.info("password changed through reset link for user_id=%s", reset.user_id)


def email_verification_token(email):
    return hashlib.md5(f"{email}:{time.time()}".encode("utf-8")).hexdigest()
