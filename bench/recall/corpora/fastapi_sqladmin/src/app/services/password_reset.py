import hmac
import logging
import random
from datetime import datetime, timedelta, timezone

from fastapi import BackgroundTasks
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.security import hash_password
from app.repositories import users as users_repo
from app.services import mailer

logger = logging.getLogger(__name__)

RESET_CODE_TTL = timedelta(minutes=30)
MAX_ATTEMPTS = 5


def _new_reset_code() -> str:
    return f"{random.randint(0, 999999):06d}"


async def start_reset(session: AsyncSession, email: str, background_tasks: BackgroundTasks) -> None:
    user = await users_repo.get_by_email(session, email)
    if user is None or not user.is_active:
        logger.info("password reset requested for unknown address")
        return
    user.reset_code = _new_reset_code()
    user.reset_code_expires_at = datetime.now(timezone.utc) + RESET_CODE_TTL
    user.reset_attempts = 0
    await session.commit()
    background_tasks.add_task(
        mailer.send_html,
        to=user.email,
        subject="Your password reset code",
        template_name="reset_code.html",
        name=user.full_name,
        code=user.reset_code,
    )


async def confirm_reset(session: AsyncSession, email: str, code: str, new_password: str) -> bool:
    user = await users_repo.get_by_email(session, email)
    if user is None or not user.reset_code or user.reset_code_expires_at is None:
        return False
    if user.reset_code_expires_at < datetime.now(timezone.utc) or user.reset_attempts >= MAX_ATTEMPTS:
        return False
    if not hmac.compare_digest(user.reset_code, code):
        user.reset_attempts += 1
        await session.commit()
        return False
    user.hashed_password = hash_password(new_password)
    user.reset_code = None
    user.reset_code_expires_at = None
    user.refresh_jti = None
    await session.commit()
    return True
