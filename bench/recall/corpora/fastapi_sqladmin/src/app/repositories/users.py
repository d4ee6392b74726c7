from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    result = await session.execute(select(User).where(User.email == email.lower()))
    return result.scalar_one_or_none()


async def store_refresh_jti(session: AsyncSession, user_id: int, jti: str | None) -> None:
    await session.execute(update(User).where(User.id == user_id).values(refresh_jti=jti))
    await session.commit()
