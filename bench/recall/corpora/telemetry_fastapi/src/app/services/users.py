import secrets

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.security import hash_password, password_needs_rehash, verify_password
from app.models import User
from app.utils.timeutil import utcnow

# used so that unknown e-mails take as long as wrong passwords
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    result = await session.exec(select(User).where(User.email == email.lower()))
    return result.first()


async def authenticate(session: AsyncSession, email: str, password: str) -> User | None:
    user = await get_by_email(session, email)
    if user is None:
        verify_password(password, _DUMMY_HASH)
        return None
    if not user.is_active or not verify_password(password, user.hashed_password):
        return None
    if password_needs_rehash(user.hashed_password):
        user.hashed_password = hash_password(password)
    user.last_login_at = utcnow()
    session.add(user)
    await session.commit()
    return user


async def create_user(
    session: AsyncSession,
    email: str,
    password: str,
    full_name: str | None = None,
    is_superuser: bool = False,
) -> User:
    user = User(
        email=email.lower(),
        full_name=full_name,
        hashed_password=hash_password(password),
        is_superuser=is_superuser,
    )
    session.add(user)
    await session.commit()
    await session.refresh(user)
    return user


async def set_password(session: AsyncSession, user: User, new_password: str) -> None:
    user.hashed_password = hash_password(new_password)
    session.add(user)
    await session.commit()
