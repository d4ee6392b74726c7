"""Registration, login, e-mail verification and password resets."""
from __future__ import annotations

import hmac
import logging
import random
import string
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import asyncpg
from sanic import Sanic

from gatepass.repositories.users import UserRepository
from gatepass.security.passwords import hash_password, validate_strength, verify_password
from gatepass.security.tokens import make_reset_token, read_reset_token

logger = logging.getLogger(__name__)

MAX_VERIFICATION_ATTEMPTS = 5


class AccountError(Exception):
    def __init__(self, *problems: str):
        super().__init__("; ".join(problems))
        self.problems = list(problems)


class VerificationCodes:
    """Short codes people type in from the welcome e-mail."""

    # no 0/O or 1/I, they get mistyped
    alphabet = "".join(c for c in string.ascii_uppercase + string.digits if c not in "0O1I")
    length = 8
    ttl = timedelta(minutes=30)
    _rng = random.Random()

    def generate(self) -> str:
        return "".join(self._rng.choice(self.alphabet) for _ in range(self.length))

    def expiry(self) -> datetime:
        return datetime.now(timezone.utc) + self.ttl


@dataclass
class AccountService:
    app: Sanic

    def __post_init__(self) -> None:
        self.users = UserRepository(self.app.ctx.db)
        self.config = self.app.config
        self.mailer = self.app.ctx.mailer
        self.codes = VerificationCodes()

    async def register(self, *, email: str, full_name: str, password: str) -> asyncpg.Record:
        email = email.strip().lower()
        problems = validate_strength(password, email=email)
        if "@" not in email or len(email) > 254:
            problems.insert(0, "Enter a valid e-mail address.")
        if not full_name.strip():
            problems.append("Tell us your name.")
        if problems:
            raise AccountError(*problems)
        if await self.users.get_by_email(email):
            raise AccountError("An account with that e-mail already exists. Try signing in instead.")

        try:
            user = await self.users.create(email=email, full_name=full_name.strip(), password_hash=hash_password(password))
        except asyncpg.UniqueViolationError:
            raise AccountError("An account with that e-mail already exists. Try signing in instead.") from None

        await self.send_verification(user)
        logger.info("registered user %s", user["id"])
        return user

    async def send_verification(self, user: asyncpg.Record) -> None:
        code = self.codes.generate()
        await self.users.save_verification_code(user["id"], code, self.codes.expiry())
        await self.mailer.send_verification(user["email"], user["full_name"], code)

    async def verify_email(self, user: asyncpg.Record, code: str) -> bool:
        row = await self.users.get_verification(user["id"])
        if row is None or row["attempts"] > MAX_VERIFICATION_ATTEMPTS:
            return False
        if not hmac.compare_digest(row["code"], code.strip().upper()):
            return False
        await self.users.mark_verified(user["id"])
        return True

    async def authenticate(self, email: str, password: str) -> asyncpg.Record | None:
        user = await self.users.get_by_email(email.strip().lower())
        if not verify_password(password, user["password_hash"] if user else None):
            return None
        return user

    async def request_password_reset(self, email: str) -> None:
        user = await self.users.get_by_email(email.strip().lower())
        if user is None:
            # same response either way, don't reveal which addresses have accounts
            return
        token = make_reset_token(user, self.config)
        url = f"{self.config.PUBLIC_BASE_URL}/password/reset?token={token}"
        await self.mailer.send_password_reset(user["email"], user["full_name"], url)

    async def reset_password(self, token: str, new_password: str) -> asyncpg.Record:
        data = read_reset_token(token, self.config)
        if data is None:
            raise AccountError("This reset link has expired. Request a new one.")
        user = await self.users.get(int(data["uid"]))
        if user is None or user["session_version"] != data.get("sv"):
            raise AccountError("This reset link has already been used.")
        problems = validate_strength(new_password, email=user["email"])
        if problems:
            raise AccountError(*problems)
        await self.users.set_password(user["id"], hash_password(new_password))
        await self.users.revoke_refresh_tokens(user["id"])
        return await self.users.get(user["id"])

    async def change_password(self, user: asyncpg.Record, current: str, new: str) -> asyncpg.Record:
        if not verify_password(current, user["password_hash"]):
            raise AccountError("Your current password is incorrect.")
        problems = validate_strength(new, email=user["email"])
        if problems:
            raise AccountError(*problems)
        await self.users.set_password(user["id"], hash_password(new))
        return await self.users.get(user["id"])
