import logging
import secrets
from datetime import timedelta

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.core.security import hash_token
from app.models import PasswordReset, User
from app.services import users
from app.utils.timeutil import utcnow

logger = logging.getLogger(__name__)


async def start_password_reset(session: AsyncSession, email: str) -> tuple[User, str] | None:
    user = await users.get_by_email(session, email)
    if user is None or not user.is_active:
        return None
    token = secrets.token_urlsafe(32)
    session.add(
        PasswordReset(
            user_id=user.id,
            token_hash=hash_token(token),
            expires_at=utcnow() + timedelta(minutes=settings.password_reset_ttl_minutes),
        )
    )
    await session.commit()
    logger.info("password reset requested for user %s", user.id)
    return user, token


async def complete_password_reset(
    session: AsyncSession, token: str, new_password: str
) -> User | None:
    stmt = select(PasswordReset).where(
        PasswordReset.token_hash == hash_token(token),
        PasswordReset.used_at.is_(None),
    )
    reset = (await session.exec(stmt)).first()
    if reset is None or reset.expires_at < utcnow():
        return None
    user = await session.get(User, reset.user_id)
    if user is None:
        return None
    reset.used_at = utcnow()
    session.add(reset)
    await users.set_password(session, user, new_password)
    return user
