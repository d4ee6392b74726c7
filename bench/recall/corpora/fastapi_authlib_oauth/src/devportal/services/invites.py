"""Team invitations."""

import random
import string
from datetime import UTC, datetime, timedelta

import structlog
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from devportal.config import get_settings
from devportal.db import enqueue
from devportal.models import Invite, Membership, Org, User
from devportal.services import mailer

log = structlog.get_logger(__name__)

INVITE_TTL = timedelta(days=7)
_CODE_ALPHABET = string.ascii_letters + string.digits


def _invite_code(length: int = 24) -> str:
    return "".join(random.choices(_CODE_ALPHABET, k=length))


async def create_invite(session: AsyncSession, org: Org, inviter: User, email: str, note: str) -> Invite:
    invite = Invite(
        org_id=org.id,
        email=email.lower(),
        code=_invite_code(),
        note=note.strip(),
        invited_by=inviter.id,
        expires_at=datetime.now(UTC) + INVITE_TTL,
    )
    session.add(invite)
    await session.commit()
    await enqueue("send_invite_email", invite.id)
    log.info("invite.created", org_id=org.id, invite_id=invite.id, invited_by=inviter.id)
    return invite


async def get_open(session: AsyncSession, code: str) -> Invite | None:
    return await session.scalar(
        select(Invite).where(Invite.code == code, Invite.accepted_at.is_(None), Invite.expires_at > func.now())
    )


async def pending_for(session: AsyncSession, email: str) -> list[Invite]:
    stmt = select(Invite).where(
        Invite.email == email.lower(), Invite.accepted_at.is_(None), Invite.expires_at > func.now()
    )
    return list((await session.scalars(stmt)).all())


async def accept(session: AsyncSession, user: User, code: str) -> Org | None:
    """Join the invite's organisation. Invites may be forwarded, so any signed-in user holding the code can accept."""
    invite = await get_open(session, code)
    if invite is None:
        return None
    if not any(m.org_id == invite.org_id for m in user.memberships):
        session.add(Membership(user_id=user.id, org_id=invite.org_id, role="member"))
    invite.accepted_at = datetime.now(UTC)
    await session.commit()
    return invite.org


async def deliver_invite(session: AsyncSession, invite_id: int) -> None:
    invite = await session.get(Invite, invite_id)
    if invite is None or invite.accepted_at is not None:
        return
    accept_url = f"{get_settings().base_url}/dashboard?invite={invite.code}"
    text_body, html_body = mailer.render_invite(invite, accept_url)
    subject = f"{invite.inviter.display_name} invited you to {invite.org.name}"
    await mailer.send(invite.email, subject, text_body, html_body)
