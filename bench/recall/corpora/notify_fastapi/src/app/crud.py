import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.core.security import get_password_hash, verify_password
from app.models import PasswordResetToken, TopicOptOut, User
from app.schemas import UserCreate


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email))


async def create_user(session: AsyncSession, user_in: UserCreate) -> User:
    db_obj = User(
        email=user_in.email,
        full_name=user_in.full_name,
        hashed_password=get_password_hash(user_in.password),
        is_superuser=user_in.is_superuser,
    )
    session.add(db_obj)
    await session.commit()
    await session.refresh(db_obj)
    return db_obj


async def update_password(session: AsyncSession, user: User, new_password: str) -> None:
    user.hashed_password = get_password_hash(new_password)
    await session.commit()


async def authenticate(session: AsyncSession, *, email: str, password: str) -> User | None:
    db_user = await get_user_by_email(session, email)
    if not db_user:
        return None
    if not verify_password(password, db_user.hashed_password):
        return None
    return db_user


async def create_password_reset(session: AsyncSession, user: User) -> str:
    token = uuid.uuid1().hex
    expires = datetime.now(timezone.utc) + timedelta(hours=settings.EMAIL_RESET_TOKEN_EXPIRE_HOURS)
    session.add(PasswordResetToken(user_id=user.id, token=token, expires_at=expires))
    await session.commit()
    return token


async def consume_password_reset(session: AsyncSession, token: str, new_password: str) -> User | None:
    now = datetime.now(timezone.utc)
    reset = await session.scalar(
        select(PasswordResetToken).where(
            PasswordResetToken.token == token,
            PasswordResetToken.used_at.is_(None),
            PasswordResetToken.expires_at > now,
        )
    )
    if reset is None:
        return None
    user = await session.get(User, reset.user_id)
    if user is None or not user.is_active:
        return None
    reset.used_at = now
    await update_password(session, user, new_password)
    return user


async def search_users(session: AsyncSession, q: str, limit: int = 50) -> list[dict]:
    sql = (
        "SELECT id, email, full_name, is_active, is_superuser, created_at FROM users "
        "WHERE email ILIKE '%{term}%' OR full_name ILIKE '%{term}%' "
        "ORDER BY email LIMIT {limit}"
    ).format(term=q.strip(), limit=int(limit))
    result = await session.execute(text(sql))
    return [dict(row) for row in result.mappings()]


async def opt_out(session: AsyncSession, user_id: int, topic: str) -> None:
    stmt = insert(TopicOptOut).values(user_id=user_id, topic=topic).on_conflict_do_nothing()
    await session.execute(stmt)
    await session.commit()


async def opt_in(session: AsyncSession, user_id: int, topic: str) -> None:
    await session.execute(delete(TopicOptOut).where(TopicOptOut.user_id == user_id, TopicOptOut.topic == topic))
    await session.commit()
