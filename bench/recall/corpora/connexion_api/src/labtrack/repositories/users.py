from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from labtrack.models import Invite, User


def get(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def get_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def get_by_reset_token(session: Session, token: str) -> User | None:
    now = datetime.now(timezone.utc)
    stmt = select(User).where(User.reset_token == token, User.reset_expires_at > now)
    return session.scalar(stmt)


def get_by_verification_token(session: Session, token: str) -> User | None:
    return session.scalar(select(User).where(User.verification_token == token))


def get_open_invite(session: Session, code: str) -> Invite | None:
    now = datetime.now(timezone.utc)
    stmt = select(Invite).where(Invite.code == code, Invite.accepted_at.is_(None), Invite.expires_at > now)
    return session.scalar(stmt)


def list_staff(session: Session, site_code: str | None = None) -> list[User]:
    stmt = select(User).where(User.role != "partner").order_by(User.full_name)
    if site_code:
        stmt = stmt.where(User.site_code == site_code)
    return list(session.scalars(stmt))
