"""Server-side sessions and the CSRF token used by the admin forms."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from fastapi import HTTPException, Request, status
from sqlmodel import Session, select

from ..config import get_settings
from ..models import User, UserSession, utcnow

settings = get_settings()

SESSION_KINDS = ("web", "admin", "refresh")


def hash_token(raw: str) -> str:
    """Stored form of an opaque random token (session id, refresh token, reset token)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def create_session(
    db: Session,
    user: User,
    *,
    kind: str = "web",
    user_agent: str | None = None,
    ttl: timedelta | None = None,
) -> str:
    if kind not in SESSION_KINDS:
        raise ValueError(f"unknown session kind {kind!r}")
    raw = secrets.token_urlsafe(32)
    now = utcnow()
    db.add(
        UserSession(
            user_id=user.id,
            token_hash=hash_token(raw),
            kind=kind,
            user_agent=(user_agent or "")[:255] or None,
            created_at=now,
            expires_at=now + (ttl or timedelta(hours=settings.session_ttl_hours)),
        )
    )
    db.commit()
    return raw


def _active_session(db: Session, raw: str, kind: str) -> UserSession | None:
    stmt = select(UserSession).where(
        UserSession.token_hash == hash_token(raw),
        UserSession.kind == kind,
        UserSession.revoked_at.is_(None),  # type: ignore[union-attr]
        UserSession.expires_at > utcnow(),
    )
    return db.exec(stmt).first()


def load_user(db: Session, raw: str, kind: str = "web") -> User | None:
    row = _active_session(db, raw, kind)
    if row is None:
        return None
    user = db.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    return user


def rotate_refresh_token(db: Session, raw: str, user_agent: str | None = None) -> tuple[User, str] | None:
    row = _active_session(db, raw, "refresh")
    if row is None:
        return None
    user = db.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    row.revoked_at = utcnow()
    db.add(row)
    new_raw = create_session(
        db,
        user,
        kind="refresh",
        user_agent=user_agent,
        ttl=timedelta(days=settings.refresh_token_expire_days),
    )
    return user, new_raw


def revoke_session(db: Session, raw: str) -> None:
    row = db.exec(select(UserSession).where(UserSession.token_hash == hash_token(raw))).first()
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
        db.add(row)
        db.commit()


# --- CSRF for the server-rendered admin ------------------------------------


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


async def verify_csrf(request: Request) -> None:
    """Double-submit check: the form field must match the ``sb_csrf`` cookie."""
    form = await request.form()
    submitted = form.get("csrf_token")
    expected = request.cookies.get(settings.csrf_cookie_name, "")
    if not expected or not isinstance(submitted, str) or not hmac.compare_digest(submitted, expected):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "CSRF token missing or invalid")
