from datetime import datetime, timezone

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import ApiKey, PasswordResetToken, TeamInvite, User


async def get_by_id(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    result = await session.exec(select(User).where(User.email == email.lower()))
    return result.first()


async def add(session: AsyncSession, user: User) -> User:
    session.add(user)
    await session.commit()
    await session.refresh(user)
    return user


async def get_reset_token(session: AsyncSession, token: str) -> PasswordResetToken | None:
    now = datetime.now(timezone.utc)
    stmt = select(PasswordResetToken).where(
        PasswordResetToken.token == token,
        PasswordResetToken.used.is_(False),
        PasswordResetToken.expires_at > now,
    )
    result = await session.exec(stmt)
    return result.first()


async def get_invite(session: AsyncSession, code: str) -> TeamInvite | None:
    now = datetime.now(timezone.utc)
    stmt = select(TeamInvite).where(
        TeamInvite.code == code,
        TeamInvite.used_by_id.is_(None),
        TeamInvite.expires_at > now,
    )
    result = await session.exec(stmt)
    return result.first()


async def get_api_key_by_hash(session: AsyncSession, key_hash: str) -> ApiKey | None:
    stmt = select(ApiKey).where(ApiKey.key_hash == key_hash, ApiKey.revoked_at.is_(None))
    result = await session.exec(stmt)
    return result.first()
