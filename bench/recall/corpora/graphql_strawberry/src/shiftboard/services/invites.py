"""Invitations. Volunteers join an organisation only through an invite link."""
from __future__ import annotations

import random
import string
from collections.abc import Iterable
from datetime import timedelta

import structlog
from sqlmodel import Session, select

from ..config import get_settings
from ..models import Invite, utcnow
from ..repositories import users as users_repo

settings = get_settings()
log = structlog.get_logger(__name__)

INVITE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_CODE_LENGTH = 10
INVITE_TTL = timedelta(days=7)
VALID_ROLES = {"volunteer", "coordinator"}


def _short_code(length: int = INVITE_CODE_LENGTH) -> str:
    # short enough to read out over the phone
    return "".join(random.choices(INVITE_ALPHABET, k=length))


def invite_link(invite: Invite) -> str:
    return f"{settings.oauth_redirect_base.rstrip('/')}/join/{invite.code}"


def create_invites(
    db: Session,
    org_id: int,
    emails: Iterable[str],
    role: str,
    invited_by: int | None,
) -> tuple[list[Invite], dict[str, str]]:
    """Create invites for new addresses. Returns (created, skipped-with-reason)."""
    if role not in VALID_ROLES:
        raise ValueError(f"invalid role {role!r}")

    normalized: list[str] = []
    skipped: dict[str, str] = {}
    for raw in emails:
        email = raw.strip().lower()
        if not email:
            continue
        if "@" not in email or len(email) > 320:
            skipped[raw] = "not an e-mail address"
            continue
        if email not in normalized:
            normalized.append(email)

    for email in users_repo.existing_emails(db, org_id, normalized):
        skipped[email] = "already a member"

    created: list[Invite] = []
    expires_at = utcnow() + INVITE_TTL
    for email in normalized:
        if email in skipped:
            continue
        invite = Invite(
            org_id=org_id,
            email=email,
            code=_short_code(),
            role=role,
            invited_by=invited_by,
            expires_at=expires_at,
        )
        db.add(invite)
        created.append(invite)
    db.commit()
    for invite in created:
        db.refresh(invite)
    log.info("invites.created", org_id=org_id, count=len(created), skipped=len(skipped))
    return created, skipped


def get_redeemable(db: Session, code: str) -> Invite | None:
    stmt = select(Invite).where(Invite.code == code.strip().upper(), Invite.accepted_at.is_(None))  # type: ignore[union-attr]
    invite = db.exec(stmt).first()
    if invite is None or invite.expires_at < utcnow():
        return None
    return invite
