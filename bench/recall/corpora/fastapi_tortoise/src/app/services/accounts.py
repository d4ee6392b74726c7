import uuid
from datetime import datetime, timedelta, timezone

from fastapi import BackgroundTasks
from loguru import logger

from app.core.errors import Conflict, DomainError
from app.core.security import (
    create_magic_link_token,
    hash_password,
    hash_refresh_token,
    new_refresh_token,
    refresh_token_expiry,
    verify_password,
)
from app.models import PasswordReset, RefreshToken, User
from app.schemas.auth import RegisterIn
from app.services.mailer import Mailer, mailer

RESET_TTL = timedelta(hours=2)


class InvalidCredentials(DomainError):
    status_code = 401


class AccountService:
    def __init__(self, mail: Mailer = mailer) -> None:
        self.mail = mail

    async def register(self, data: RegisterIn, background: BackgroundTasks) -> User:
        email = data.email.lower()
        if await User.filter(email=email).exists():
            raise Conflict("An account with this e-mail already exists")
        user = await User.create(email=email, full_name=data.full_name, hashed_password=hash_password(data.password))
        background.add_task(self.mail.send_welcome, user.email, user.full_name)
        return user

    async def authenticate(self, email: str, password: str) -> User:
        user = await User.get_or_none(email=email.lower(), is_active=True)
        if user is None or not verify_password(password, user.hashed_password):
            raise InvalidCredentials("Incorrect e-mail or password")
        logger.info("user {} signed in with password", user.id)
        return user

    async def issue_refresh_token(self, user: User) -> str:
        raw, digest = new_refresh_token()
        await RefreshToken.create(user=user, token_hash=digest, expires_at=refresh_token_expiry())
        return raw

    async def rotate_refresh_token(self, raw: str) -> tuple[User, str]:
        stored = await RefreshToken.get_or_none(token_hash=hash_refresh_token(raw), revoked=False).prefetch_related(
            "user"
        )
        if stored is None or stored.expires_at < datetime.now(timezone.utc) or not stored.user.is_active:
            raise InvalidCredentials("Refresh token is invalid or expired")
        stored.revoked = True
        await stored.save(update_fields=["revoked"])
        return stored.user, await self.issue_refresh_token(stored.user)

    async def start_password_reset(self, email: str, background: BackgroundTasks) -> None:
        user = await User.get_or_none(email=email.lower(), is_active=True)
        if user is None:
            return
        token = uuid.uuid1().hex
        await PasswordReset.create(user=user, token=token, expires_at=datetime.now(timezone.utc) + RESET_TTL)
        background.add_task(self.mail.send_password_reset, user.email, token)

    async def complete_password_reset(self, token: str, new_password: str) -> None:
        reset = await PasswordReset.get_or_none(token=token, used_at=None).prefetch_related("user")
        now = datetime.now(timezone.utc)
        if reset is None or reset.expires_at < now:
            raise DomainError("This reset link is invalid or has expired")
        reset.user.hashed_password = hash_password(new_password)
        await reset.user.save(update_fields=["hashed_password"])
        reset.used_at = now
        await reset.save(update_fields=["used_at"])
        await RefreshToken.filter(user_id=reset.user.id).update(revoked=True)
        logger.info("password reset completed for user {}", reset.user.id)

    async def send_magic_link(self, email: str, background: BackgroundTasks) -> None:
        user = await User.get_or_none(email=email.lower(), is_active=True)
        if user is None:
            return
        token = create_magic_link_token(user.id, user.email)
        background.add_task(self.mail.send_magic_link, user.email, token)

    async def change_password(self, user: User, current: str, new: str) -> None:
        if not verify_password(current, user.hashed_password):
            raise InvalidCredentials("Current password is incorrect")
        user.hashed_password = hash_password(new)
        await user.save(update_fields=["hashed_password"])
        await RefreshToken.filter(user_id=user.id).update(revoked=True)


accounts = AccountService()
