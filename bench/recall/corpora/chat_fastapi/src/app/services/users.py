from datetime import datetime, timezone

from sqlmodel import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.logging import get_logger
from app.core.security import hash_password, password_needs_upgrade, verify_password
from app.models import LoginEvent, Role, User

logger = get_logger("users")

# Burn roughly the same time for unknown e-mails as for real ones.
_DUMMY_HASH = hash_password("not-a-real-password-just-timing")


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    stmt = select(User).where(User.email == normalise_email(email))
    return (await session.exec(stmt)).first()


async def get_by_id(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def create_user(
    session: AsyncSession,
    *,
    email: str,
    display_name: str,
    password: str,
    role: Role = Role.member,
    verified: bool = False,
) -> User:
    user = User(
        email=normalise_email(email),
        display_name=display_name.strip(),
        hashed_password=hash_password(password),
        role=role,
        is_verified=verified,
    )
    session.add(user)
    await session.flush()
    return user


async def authenticate(
    session: AsyncSession,
    email: str,
    password: str,
    *,
    ip: str | None = None,
    user_agent: str | None = None,
) -> User | None:
    user = await get_by_email(session, email)
    if user is None:
        verify_password(password, _DUMMY_HASH)
        ok = False
    else:
        ok = user.is_active and verify_password(password, user.hashed_password)

    session.add(
        LoginEvent(
            user_id=user.id if user else None,
            email=normalise_email(email),
            success=ok,
            ip=ip,
            user_agent=(user_agent or "")[:255] or None,
        )
    )
    if not ok:
        await session.commit()
        logger.info("failed login for %s from %s", normalise_email(email), ip)
        return None

    if password_needs_upgrade(user.hashed_password):
        user.hashed_password = hash_password(password)
        logger.info("upgraded password hash for user_id=%s", user.id)
    user.last_login_at = datetime.now(timezone.utc)
    session.add(user)
    await session.commit()
    return user


async def count_users(session: AsyncSession) -> int:
    return (await session.exec(select(func.count()).select_from(User))).one()


async def digest_recipients(session: AsyncSession) -> list[User]:
    stmt = select(User).where(
        User.is_active == True,  # noqa: E712
        User.is_verified == True,  # noqa: E712
        User.digest_enabled == True,  # noqa: E712
        User.email_bouncing == False,  # noqa: E712
    )
    return list((await session.exec(stmt)).all())
