"""Accounts: sign-in, registration from an invite, password resets, profiles."""
from __future__ import annotations

import hashlib
import time
from datetime import timedelta
from typing import Any

import structlog
from sqlmodel import Session, select

from ..auth import sessions
from ..auth.oauth import GoogleIdentity
from ..auth.passwords import WeakPasswordError, hash_password, validate_password_strength, verify_password
from ..config import get_settings
from ..models import PasswordReset, User, utcnow
from ..repositories import users as users_repo
from . import invites

settings = get_settings()
log = structlog.get_logger(__name__)

MAX_BIO_LENGTH = 2000
MAX_SEARCH_TERM = 80


class AccountError(Exception):
    """Errors whose message is safe to show to the user."""


def authenticate(db: Session, email: str, password: str) -> User | None:
    user = users_repo.get_by_email(db, email)
    ok, new_hash = verify_password(password, user.hashed_password if user else None)
    if not ok or user is None or not user.is_active:
        return None
    if new_hash:
        user.hashed_password = new_hash
    user.last_login_at = utcnow()
    db.add(user)
    db.commit()
    return user


def register_from_invite(db: Session, code: str, display_name: str, password: str) -> User:
    invite = invites.get_redeemable(db, code)
    if invite is None:
        raise AccountError("This invite link is invalid or has expired.")
    if users_repo.get_by_email(db, invite.email) is not None:
        raise AccountError("An account with this e-mail already exists. Sign in instead.")
    try:
        validate_password_strength(password, invite.email)
    except WeakPasswordError as exc:
        raise AccountError(str(exc)) from exc

    user = User(
        org_id=invite.org_id,
        email=invite.email,
        display_name=display_name.strip(),
        hashed_password=hash_password(password),
        role=invite.role,
    )
    db.add(user)
    invite.accepted_at = utcnow()
    db.add(invite)
    db.commit()
    db.refresh(user)
    log.info("account.registered", user_id=user.id, org_id=user.org_id, via="invite")
    return user


def link_google_identity(db: Session, identity: GoogleIdentity) -> User | None:
    """Find the account for a Google sign-in. We never create accounts here: invites only."""
    user = users_repo.get_by_google_sub(db, identity.sub)
    if user is None and identity.email_verified:
        user = users_repo.get_by_email(db, identity.email)
        if user is not None and user.google_sub is None:
            user.google_sub = identity.sub
    if user is None or not user.is_active:
        return None
    user.last_login_at = utcnow()
    db.add(user)
    db.commit()
    return user


def ensure_bootstrap_admin(db: Session, email: str) -> User:
    """The break-glass admin from settings, created on first use."""
    user = users_repo.get_by_email(db, email)
    if user is None:
        raise AccountError("Bootstrap admin has no account yet; run the seed job first.")
    if not user.is_staff:
        user.is_staff = True
        user.role = "admin"
        db.add(user)
        db.commit()
    return user


# --- password reset ---------------------------------------------------------


def _reset_token(user: User) -> str:
    seed = f"{user.id}:{user.email}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def start_password_reset(db: Session, email: str) -> tuple[User, str] | None:
    user = users_repo.get_by_email(db, email)
    if user is None or not user.is_active:
        return None
    token = _reset_token(user)
    db.add(
        PasswordReset(
            user_id=user.id,
            token_hash=sessions.hash_token(token),
            expires_at=utcnow() + timedelta(minutes=settings.password_reset_ttl_minutes),
        )
    )
    db.commit()
    log.info("password_reset.requested", user_id=user.id)
    return user, token


def complete_password_reset(db: Session, token: str, new_password: str) -> User:
    stmt = select(PasswordReset).where(
        PasswordReset.token_hash == sessions.hash_token(token),
        PasswordReset.used_at.is_(None),  # type: ignore[union-attr]
    )
    reset = db.exec(stmt).first()
    if reset is None or reset.expires_at < utcnow():
        raise AccountError("This reset link is invalid or has expired.")
    user = db.get(User, reset.user_id)
    if user is None or not user.is_active:
        raise AccountError("This reset link is invalid or has expired.")
    try:
        validate_password_strength(new_password, user.email)
    except WeakPasswordError as exc:
        raise AccountError(str(exc)) from exc

    user.hashed_password = hash_password(new_password)
    reset.used_at = utcnow()
    db.add_all([user, reset])
    db.commit()
    log.info("password_reset.completed", user_id=user.id)
    return user


# --- volunteer profiles -----------------------------------------------------


def search_volunteers(db: Session, org_id: int, term: str | None, limit: int = 50) -> list[dict[str, Any]]:
    term = (term or "").strip()[:MAX_SEARCH_TERM]
    return users_repo.search_volunteers(db, org_id, term or None, limit=limit)


def update_profile(
    db: Session,
    user: User,
    *,
    display_name: str | None = None,
    bio: str | None = None,
    skills: list[str] | None = None,
    phone: str | None = None,
) -> User:
    if display_name is not None:
        display_name = display_name.strip()
        if not display_name:
            raise AccountError("Display name cannot be empty.")
        user.display_name = display_name[:120]
    if bio is not None:
        if len(bio) > MAX_BIO_LENGTH:
            raise AccountError(f"Bio is limited to {MAX_BIO_LENGTH} characters.")
        user.bio = bio
    if skills is not None:
        user.skills = ",".join(sorted({s.strip().lower() for s in skills if s.strip()}))
    if phone is not None:
        user.phone = phone.strip() or None
    db.add(user)
    db.commit()
    db.refresh(user)
    return user
