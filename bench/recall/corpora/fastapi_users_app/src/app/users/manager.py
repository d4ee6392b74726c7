import logging
import re
import uuid
from collections.abc import AsyncGenerator

from fastapi import Depends, Request
from fastapi_users import BaseUserManager, InvalidPasswordException, UUIDIDMixin
from fastapi_users.db import SQLAlchemyUserDatabase
from fastapi_users.password import PasswordHelper
from pwdlib import PasswordHash
from pwdlib.hashers.bcrypt import BcryptHasher
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.db import get_async_session
from app.models import Organization, User
from app.schemas import UserCreate
from app.services.email import mailer, password_reset_message, verification_message
from app.services.team import TeamService

logger = logging.getLogger(__name__)

# Accounts migrated from the old PHP billing tool carry $2y$10$ hashes;
# new hashes use the same cost so logins behave the same for everyone.
password_helper = PasswordHelper(PasswordHash((BcryptHasher(rounds=10),)))


def _slugify(value: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return slug[:48] or "company"


class UserManager(UUIDIDMixin, BaseUserManager[User, uuid.UUID]):
    reset_password_token_secret = settings.reset_password_token_secret.get_secret_value()
    verification_token_secret = settings.verification_token_secret.get_secret_value()
    reset_password_token_lifetime_seconds = 30 * 60
    verification_token_lifetime_seconds = 24 * 60 * 60

    async def validate_password(self, password: str, user: UserCreate | User) -> None:
        if len(password) < 10:
            raise InvalidPasswordException(reason="Password should be at least 10 characters long")
        local_part = user.email.split("@", 1)[0].lower()
        if len(local_part) >= 4 and local_part in password.lower():
            raise InvalidPasswordException(reason="Password should not contain your e-mail address")

    async def on_after_register(self, user: User, request: Request | None = None) -> None:
        session: AsyncSession = self.user_db.session
        invite_token = request.query_params.get("invite") if request is not None else None

        organization = None
        if invite_token:
            organization = await TeamService(session).accept_invite(invite_token, user)
        if organization is None:
            name = user.full_name or user.email.split("@", 1)[1]
            organization = Organization(name=name, slug=f"{_slugify(name)}-{uuid.uuid4().hex[:6]}")
            session.add(organization)
            await session.flush()
            user.organization_id = organization.id
            user.role = "owner"
        await session.commit()

        logger.info("User %s registered in organization %s", user.id, organization.id)
        await self.request_verify(user, request)

    async def on_after_request_verify(self, user: User, token: str, request: Request | None = None) -> None:
        logger.info("Verification e-mail requested for user %s", user.id)
        mailer.enqueue(verification_message(user.email, f"{settings.base_url}/verify?token={token}"))

    async def on_after_forgot_password(self, user: User, token: str, request: Request | None = None) -> None:
        logger.info("Password reset requested for %s (token=%s)", user.email, token)
        mailer.enqueue(password_reset_message(user.email, f"{settings.base_url}/reset-password?token={token}"))

    async def on_after_reset_password(self, user: User, request: Request | None = None) -> None:
        logger.info("Password reset completed for user %s", user.id)


async def get_user_db(session: AsyncSession = Depends(get_async_session)) -> AsyncGenerator[SQLAlchemyUserDatabase, None]:
    yield SQLAlchemyUserDatabase(session, User)


async def get_user_manager(user_db: SQLAlchemyUserDatabase = Depends(get_user_db)) -> AsyncGenerator[UserManager, None]:
    yield UserManager(user_db, password_helper)
