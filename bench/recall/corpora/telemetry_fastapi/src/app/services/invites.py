from datetime import timedelta

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.models import Invite, Project, ProjectMember, Role, User
from app.services import users
from app.utils.ids import short_id
from app.utils.timeutil import utcnow


class InviteError(Exception):
    pass


async def create_invite(
    session: AsyncSession, project: Project, email: str, role: Role, invited_by: User
) -> Invite:
    invite = Invite(
        project_id=project.id,
        email=email.lower(),
        role=role,
        token=short_id(32),
        invited_by_id=invited_by.id,
        expires_at=utcnow() + timedelta(days=settings.invite_ttl_days),
    )
    session.add(invite)
    await session.commit()
    await session.refresh(invite)
    return invite


def invite_url(invite: Invite) -> str:
    return f"{settings.public_base_url}/admin/invite/{invite.token}"


async def get_open_invite(session: AsyncSession, token: str) -> Invite | None:
    stmt = select(Invite).where(Invite.token == token, Invite.accepted_at.is_(None))
    invite = (await session.exec(stmt)).first()
    if invite is None or invite.expires_at < utcnow():
        return None
    return invite


async def accept_invite(
    session: AsyncSession, invite: Invite, full_name: str, password: str
) -> User:
    user = await users.get_by_email(session, invite.email)
    if user is None:
        user = await users.create_user(session, invite.email, password, full_name=full_name)
    existing = await session.exec(
        select(ProjectMember).where(
            ProjectMember.project_id == invite.project_id,
            ProjectMember.user_id == user.id,
        )
    )
    if existing.first() is None:
        session.add(
            ProjectMember(project_id=invite.project_id, user_id=user.id, role=invite.role)
        )
    invite.accepted_at = utcnow()
    session.add(invite)
    await session.commit()
    return user
