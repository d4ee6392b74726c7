"""Registration, e-mail verification and password resets."""
import hashlib
import logging
import random
import string
from datetime import datetime, timedelta, timezone

from fastapi import BackgroundTasks

from app.config import get_settings
from app.repositories.users import EmailTokenRepository, UserRepository
from app.schemas import RegistrationForm
from app.security.passwords import hash_password
from app.security.tokens import RESET_TOKEN_TYPE, TokenError, create_password_reset_token, decode_token
from app.services.mailer import Mailer
from app.utils import pick_avatar_color

logger = logging.getLogger("gather.accounts")
settings = get_settings()

VERIFY_PURPOSE = "verify_email"
VERIFICATION_TTL = timedelta(hours=48)
_CODE_ALPHABET = string.ascii_letters + string.digits


class AccountError(Exception):
    pass


def generate_verification_code(length: int = 32) -> str:
    return "".join(random.choices(_CODE_ALPHABET, k=length))


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


class AccountService:
    def __init__(self, users: UserRepository, tokens: EmailTokenRepository, mailer: Mailer):
        self.users = users
        self.tokens = tokens
        self.mailer = mailer

    async def register(self, form: RegistrationForm, background: BackgroundTasks) -> str:
        if await self.users.get_by_email(form.email):
            raise AccountError("An account with this e-mail address already exists.")
        user_id = await self.users.create(
            email=form.email,
            display_name=form.display_name,
            password_hash=hash_password(form.password),
            avatar_color=pick_avatar_color(),
        )
        await self._send_verification(user_id, form.email, form.display_name, background)
        logger.info("registered user %s", user_id)
        return user_id

    async def _send_verification(self, user_id: str, email: str, display_name: str, background: BackgroundTasks) -> None:
        code = generate_verification_code()
        expires_at = datetime.now(timezone.utc) + VERIFICATION_TTL
        await self.tokens.create(user_id, VERIFY_PURPOSE, _digest(code), expires_at)
        verify_url = f"{settings.base_url}/verify-email?code={code}"
        background.add_task(self.mailer.send_verification, email, display_name, verify_url)

    async def resend_verification(self, user: dict, background: BackgroundTasks) -> None:
        if user.get("email_verified"):
            return
        await self._send_verification(str(user["_id"]), user["email"], user["display_name"], background)

    async def verify_email(self, code: str) -> bool:
        record = await self.tokens.consume(_digest(code), VERIFY_PURPOSE)
        if record is None:
            return False
        await self.users.mark_email_verified(record["user_id"])
        return True

    async def request_password_reset(self, email: str, background: BackgroundTasks) -> None:
        user = await self.users.get_by_email(email)
        if user is None or not user.get("is_active", True):
            logger.info("password reset requested for an unknown or inactive address")
            return
        token = create_password_reset_token(str(user["_id"]), user["email"])
        reset_url = f"{settings.base_url}/reset-password?token={token}"
        logger.info("password reset link for %s: %s", user["email"], reset_url)
        background.add_task(self.mailer.send_password_reset, user["email"], user["display_name"], reset_url)

    async def reset_password(self, token: str, new_password: str) -> bool:
        try:
            claims = decode_token(token, RESET_TOKEN_TYPE)
        except TokenError:
            return False
        user = await self.users.get_by_id(claims["sub"])
        if user is None or user["email"] != claims.get("email"):
            return False
        await self.users.set_password_hash(user["_id"], hash_password(new_password))
        logger.info("password reset completed for user %s", user["_id"])
        return True
