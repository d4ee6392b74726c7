import logging
import uuid
from datetime import datetime, timedelta, timezone

from arq.connections import ArqRedis
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core import security
from app.core.config import settings
from app.models import PasswordResetToken, User
from app.repositories import users as users_repo
from app.schemas import RegisterRequest, TokenPair

logger = logging.getLogger(__name__)


class AuthError(Exception):
    pass


async def authenticate(session: AsyncSession, email: str, password: str) -> User | None:
    user = await users_repo.get_by_email(session, email)
    if user is None or not user.is_active:
        # Burn the same time as a real check so timing does not reveal accounts.
        security.verify_password(password, security.pwd_context.dummy_hash())
        return None
    if not security.verify_password(password, user.hashed_password):
        return None
    return user


def issue_tokens(user: User) -> TokenPair:
    return TokenPair(
        access_token=security.create_access_token(user.id, user.role, user.password_version),
        refresh_token=security.create_refresh_token(user.id, user.password_version),
    )


async def refresh(session: AsyncSession, refresh_token: str) -> TokenPair:
    payload = security.decode_refresh_token(refresh_token)
    user = await users_repo.get_by_id(session, int(payload["sub"]))
    if user is None or not user.is_active or payload.get("pwd_v") != user.password_version:
        raise AuthError("invalid refresh token")
    return issue_tokens(user)


async def register(session: AsyncSession, data: RegisterRequest, team_id: int | None = None) -> User:
    if await users_repo.get_by_email(session, data.email):
        raise AuthError("email already registered")
    user = User(
        email=data.email.lower(),
        full_name=data.full_name,
        hashed_password=security.hash_password(data.password),
        team_id=team_id,
    )
    return await users_repo.add(session, user)


async def start_password_reset(session: AsyncSession, redis: ArqRedis, email: str) -> None:
    user = await users_repo.get_by_email(session, email)
    if user is None:
        return
    token = uuid.uuid1().hex
    expires = datetime.now(timezone.utc) + timedelta(minutes=settings.PASSWORD_RESET_EXPIRE_MINUTES)
    session.add(PasswordResetToken(user_id=user.id, token=token, expires_at=expires))
    await session.commit()
    logger.info("password reset requested for user_id=%s", user.id)
    await redis.enqueue_job("send_password_reset_email", user.email, token)


async def complete_password_reset(session: AsyncSession, token: str, new_password: str) -> None:
    record = await users_repo.get_reset_token(session, token)
    if record is None:
        raise AuthError("invalid or expired token")
    user = await users_repo.get_by_id(session, record.user_id)
    user.hashed_password = security.hash_password(new_password)
    user.password_version += 1
    record.used = True
    session.add_all([user, record])
    await session.commit()
