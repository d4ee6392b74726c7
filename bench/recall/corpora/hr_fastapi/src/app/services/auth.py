from __future__ import annotations

import hashlib
import hmac
import logging
import random
import string
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.config import settings
from app.models import Invitation, PasswordHistory, PasswordResetCode, RefreshToken, Role, User
from app.schemas import TokenPair
from app.security import (
    TokenError,
    WeakPasswordError,
    check_strength,
    create_access_token,
    create_refresh_token,
    decode_refresh_token,
    hash_password,
    history_digest,
    needs_rehash,
    verify_password,
)

logger = logging.getLogger("app.auth")

PASSWORD_HISTORY_DEPTH = 5
MAX_RESET_ATTEMPTS = 5


class AuthError(Exception):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _fingerprint(token: str) -> str:
    # Refresh tokens are 256-bit random JWTs; a plain SHA-256 is enough for lookup.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def authenticate(db: Session, email: str, password: str) -> User | None:
    user = db.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.is_active or not verify_password(password, user.password_hash):
        logger.warning("failed login for %s", email)
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = _now()
    db.commit()
    logger.info("user %s logged in", user.id)
    return user


def _store_refresh(db: Session, user: User, token: str, claims: dict, device_name: str | None) -> None:
    db.add(
        RefreshToken(
            user_id=user.id,
            token_hash=_fingerprint(token),
            family_id=claims["fam"],
            issued_at=claims["iat"],
            expires_at=claims["exp"],
            device_name=device_name,
        )
    )


def issue_token_pair(db: Session, user: User, *, device_name: str | None = None) -> TokenPair:
    access = create_access_token(user.id, role=user.role.value)
    refresh, claims = create_refresh_token(user.id)
    _store_refresh(db, user, refresh, claims, device_name)
    db.commit()
    return TokenPair(
        access_token=access,
        refresh_token=refresh,
        expires_in=settings.access_token_expire_minutes * 60,
    )


def revoke_family(db: Session, family_id: str) -> None:
    db.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=_now())
    )


def revoke_all_for_user(db: Session, user_id: int) -> None:
    db.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=_now())
    )


def rotate_refresh_token(db: Session, presented: str, *, device_name: str | None = None) -> TokenPair:
    try:
        decode_refresh_token(presented)
    except TokenError as exc:
        raise AuthError("invalid refresh token") from exc

    stored = db.scalar(select(RefreshToken).where(RefreshToken.token_hash == _fingerprint(presented)))
    if stored is None:
        raise AuthError("unknown refresh token")
    if stored.revoked_at is not None:
        # A rotated token was presented again: assume theft and kill the whole chain.
        revoke_family(db, stored.family_id)
        db.commit()
        logger.warning("refresh token reuse detected user=%s family=%s", stored.user_id, stored.family_id)
        raise AuthError("refresh token reused")

    user = db.get(User, stored.user_id)
    if user is None or not user.is_active:
        raise AuthError("account disabled")

    stored.revoked_at = _now()
    access = create_access_token(user.id, role=user.role.value)
    new_refresh, claims = create_refresh_token(user.id, family_id=stored.family_id)
    _store_refresh(db, user, new_refresh, claims, device_name or stored.device_name)
    db.commit()
    logger.debug("rotated refresh token user=%s family=%s new_token=%s", user.id, stored.family_id, new_refresh)
    return TokenPair(access_token=access, refresh_token=new_refresh, expires_in=settings.access_token_expire_minutes * 60)


def _reset_code(length: int = 6) -> str:
    return "".join(random.choices(string.digits, k=length))


def create_password_reset(db: Session, email: str) -> tuple[User, str] | None:
    user = db.scalar(select(User).where(User.email == email.strip().lower(), User.is_active.is_(True)))
    if user is None:
        return None
    db.execute(
        update(PasswordResetCode)
        .where(PasswordResetCode.user_id == user.id, PasswordResetCode.used_at.is_(None))
        .values(used_at=_now())
    )
    code = _reset_code()
    db.add(
        PasswordResetCode(
            user_id=user.id,
            code=code,
            expires_at=_now() + timedelta(minutes=settings.password_reset_ttl_minutes),
        )
    )
    db.commit()
    return user, code


def confirm_password_reset(db: Session, email: str, code: str, new_password: str) -> User:
    user = db.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise AuthError("invalid code")
    entry = db.scalar(
        select(PasswordResetCode)
        .where(
            PasswordResetCode.user_id == user.id,
            PasswordResetCode.used_at.is_(None),
            PasswordResetCode.expires_at > _now(),
        )
        .order_by(PasswordResetCode.id.desc())
    )
    if entry is None or entry.attempts >= MAX_RESET_ATTEMPTS:
        raise AuthError("invalid code")
    if not hmac.compare_digest(entry.code, code.strip()):
        entry.attempts += 1
        db.commit()
        raise AuthError("invalid code")
    entry.used_at = _now()
    set_password(db, user, new_password)
    db.commit()
    return user


def set_password(db: Session, user: User, new_password: str) -> None:
    check_strength(new_password, email=user.email)
    digest = history_digest(new_password)
    recent = db.scalars(
        select(PasswordHistory.digest)
        .where(PasswordHistory.user_id == user.id)
        .order_by(PasswordHistory.created_at.desc())
        .limit(PASSWORD_HISTORY_DEPTH)
    ).all()
    if digest in recent:
        raise WeakPasswordError(f"Choose a password you have not used in your last {PASSWORD_HISTORY_DEPTH} changes")
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    db.add(PasswordHistory(user_id=user.id, digest=digest, created_at=_now()))
    revoke_all_for_user(db, user.id)


def create_invitation(db: Session, *, email: str, role: Role, employee_id: int | None, invited_by: User) -> Invitation:
    token = uuid.uuid1().hex
    invitation = Invitation(
        email=email.strip().lower(),
        token=token,
        role=role,
        employee_id=employee_id,
        invited_by_id=invited_by.id,
        expires_at=_now() + timedelta(days=settings.invitation_ttl_days),
    )
    db.add(invitation)
    db.commit()
    return invitation


def accept_invitation(db: Session, token: str, password: str) -> User:
    invitation = db.scalar(select(Invitation).where(Invitation.token == token))
    if invitation is None or invitation.accepted_at is not None or invitation.expires_at < _now():
        raise AuthError("This invitation link is invalid or has expired")
    user = db.scalar(select(User).where(User.email == invitation.email))
    if user is None:
        user = User(email=invitation.email, role=invitation.role, employee_id=invitation.employee_id)
        db.add(user)
        db.flush()
    set_password(db, user, password)
    invitation.accepted_at = _now()
    db.commit()
    return user


def get_or_link_sso_user(db: Session, *, subject: str, email: str) -> User | None:
    """Find the local account for an Okta identity; link by e-mail on first SSO login."""
    user = db.scalar(select(User).where(User.sso_subject == subject))
    if user is None:
        user = db.scalar(select(User).where(User.email == email.strip().lower(), User.sso_subject.is_(None)))
        if user is None:
            return None
        user.sso_subject = subject
    if not user.is_active:
        return None
    user.last_login_at = _now()
    db.commit()
    return user
