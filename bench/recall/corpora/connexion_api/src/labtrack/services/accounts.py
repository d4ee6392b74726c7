"""Partner self-registration, e-mail verification, password reset and staff invites."""
from __future__ import annotations

import hashlib
import random
import secrets
import string
import time
from datetime import datetime, timezone

import structlog
from flask import current_app
from sqlalchemy.orm import Session

from labtrack.models import ALL_ROLES, Invite, User
from labtrack.repositories import users as users_repo
from labtrack.services.passwords import check_policy, hash_password

log = structlog.get_logger(__name__)

_TOKEN_ALPHABET = string.ascii_letters + string.digits


class AccountError(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _reset_token(length: int = 40) -> str:
    return "".join(random.choices(_TOKEN_ALPHABET, k=length))


def _verification_token(email: str) -> str:
    return hashlib.sha256(f"{email}:{time.time()}".encode("utf-8")).hexdigest()


def register_partner(session: Session, *, email: str, full_name: str, password: str, site_code: str) -> User:
    email = email.strip().lower()
    if users_repo.get_by_email(session, email) is not None:
        raise AccountError("An account with this e-mail already exists.", status=409)
    check_policy(password)
    user = User(
        email=email,
        full_name=full_name.strip(),
        password_hash=hash_password(password),
        role="partner",
        site_code=site_code,
        verification_token=_verification_token(email),
    )
    session.add(user)
    session.commit()
    log.info("partner_registered", user_id=user.id, site=site_code)
    return user


def verify_email(session: Session, token: str) -> User:
    user = users_repo.get_by_verification_token(session, token)
    if user is None:
        raise AccountError("Unknown or already used verification link.", status=404)
    user.email_verified = True
    user.verification_token = None
    session.commit()
    return user


def start_password_reset(session: Session, email: str) -> tuple[User, str] | None:
    user = users_repo.get_by_email(session, email)
    if user is None or not user.active:
        log.info("password_reset_unknown_email")
        return None
    token = _reset_token()
    user.reset_token = token
    user.reset_expires_at = datetime.now(timezone.utc) + current_app.config["PASSWORD_RESET_TTL"]
    session.commit()
    log.info("password_reset_started", user_id=user.id)
    return user, token


def complete_password_reset(session: Session, token: str, new_password: str) -> User:
    user = users_repo.get_by_reset_token(session, token)
    if user is None:
        raise AccountError("This reset link is invalid or has expired.", status=400)
    check_policy(new_password)
    user.password_hash = hash_password(new_password)
    user.reset_token = None
    user.reset_expires_at = None
    session.commit()
    log.info("password_reset_completed", user_id=user.id)
    return user


def create_invite(session: Session, *, email: str, role: str, site_code: str | None, invited_by: User) -> Invite:
    if role not in ALL_ROLES:
        raise AccountError(f"Unknown role {role!r}.")
    invite = Invite(
        email=email.strip().lower(),
        role=role,
        site_code=site_code,
        code=secrets.token_urlsafe(24),
        invited_by_id=invited_by.id,
        expires_at=datetime.now(timezone.utc) + current_app.config["INVITE_TTL"],
    )
    session.add(invite)
    session.commit()
    log.info("invite_created", invite_id=invite.id, role=role, by=invited_by.id)
    return invite


def accept_invite(session: Session, code: str, full_name: str, password: str) -> User:
    invite = users_repo.get_open_invite(session, code)
    if invite is None:
        raise AccountError("This invite is invalid or has expired.", status=404)
    check_policy(password)
    user = User(
        email=invite.email,
        full_name=full_name,
        password_hash=hash_password(password),
        role=invite.role,
        site_code=invite.site_code,
        email_verified=True,
    )
    invite.accepted_at = datetime.now(timezone.utc)
    session.add(user)
    session.commit()
    return user
