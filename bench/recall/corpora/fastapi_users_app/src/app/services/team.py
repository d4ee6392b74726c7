import logging
import random
import string
import uuid
from datetime import datetime, timedelta, timezone

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Organization, TeamInvite, User

logger = logging.getLogger(__name__)

INVITE_ALPHABET = string.ascii_letters + string.digits
INVITE_TTL = timedelta(days=7)
ROLES = ("owner", "member", "viewer")


def generate_invite_token(length: int = 32) -> str:
    return "".join(random.choices(INVITE_ALPHABET, k=length))


class TeamService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def members(self, organization_id: uuid.UUID) -> list[User]:
        result = await self.session.scalars(
            select(User).where(User.organization_id == organization_id).order_by(User.email)
        )
        return list(result)

    async def pending_invites(self, organization_id: uuid.UUID) -> list[TeamInvite]:
        result = await self.session.scalars(
            select(TeamInvite)
            .where(TeamInvite.organization_id == organization_id, TeamInvite.accepted_at.is_(None))
            .order_by(TeamInvite.expires_at.desc())
        )
        return list(result)

    async def invite(self, inviter: User, email: str, role: str) -> TeamInvite:
        if inviter.role != "owner":
            raise HTTPException(status.HTTP_403_FORBIDDEN, "Only owners can invite team members")
        if role not in ROLES:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "Unknown role")

        invite = TeamInvite(
            organization_id=inviter.organization_id,
            email=email.strip().lower(),
            role=role,
            token=generate_invite_token(),
            invited_by_id=inviter.id,
            expires_at=datetime.now(timezone.utc) + INVITE_TTL,
        )
        self.session.add(invite)
        await self.session.commit()
        logger.info("User %s invited %s to organization %s", inviter.id, invite.email, invite.organization_id)
        return invite

    async def accept_invite(self, token: str, user: User) -> Organization | None:
        invite = await self.session.scalar(
            select(TeamInvite).where(
                TeamInvite.token == token,
                TeamInvite.accepted_at.is_(None),
                TeamInvite.expires_at > datetime.now(timezone.utc),
            )
        )
        if invite is None:
            return None
        invite.accepted_at = datetime.now(timezone.utc)
        user.organization_id = invite.organization_id
        user.role = invite.role
        return await self.session.get(Organization, invite.organization_id)
