import random
import string
from datetime import datetime, timedelta, timezone

from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.models import TeamInvite

INVITE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_TTL = timedelta(days=7)


def generate_invite_code(length: int = 10) -> str:
    return "".join(random.choices(INVITE_ALPHABET, k=length))


def invite_url(code: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}/join?code={code}"


async def create_invite(session: AsyncSession, team_id: int) -> TeamInvite:
    invite = TeamInvite(
        team_id=team_id,
        code=generate_invite_code(),
        expires_at=datetime.now(timezone.utc) + INVITE_TTL,
    )
    session.add(invite)
    await session.commit()
    await session.refresh(invite)
    return invite
