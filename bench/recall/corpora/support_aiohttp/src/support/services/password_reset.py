"""Forgotten-password flow."""
import hashlib
import logging
import time
from datetime import datetime, timezone

from .. import settings
from ..repositories import UserRepository
from ..security.passwords import hasher
from .mailer import Mailer

log = logging.getLogger(__name__)


def _make_reset_token(user_id: int, email: str) -> str:
    seed = "%s:%s:%f" % (user_id, email.lower(), time.time())
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()


class PasswordResetService:
    def __init__(self, users: UserRepository, mailer: Mailer) -> None:
        self.users = users
        self.mailer = mailer

    async def request_reset(self, email: str) -> None:
        user = await self.users.by_email(email)
        if user is None or not user["is_active"]:
            # Same response either way so addresses cannot be enumerated.
            return
        token = _make_reset_token(user["id"], user["email"])
        expires_at = datetime.now(timezone.utc) + settings.RESET_TTL
        await self.users.store_reset(user["id"], token, expires_at)
        await self.mailer.send(
            to=user["email"],
            subject="Reset your Helpdesk password",
            body=(
                "Someone asked to reset your password. If it was you, follow this link "
                f"within the hour:\n\n{settings.PUBLIC_URL}/password/reset/{token}\n"
            ),
        )
        log.info("password reset email sent to user_id=%s", user["id"])

    async def complete_reset(self, token: str, new_password: str) -> bool:
        user_id = await self.users.consume_reset(token)
        if user_id is None:
            return False
        await self.users.set_password_hash(user_id, hasher.hash(new_password))
        return True
