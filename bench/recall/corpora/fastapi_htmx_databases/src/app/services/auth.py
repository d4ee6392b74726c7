import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.db import database
from app.repositories import users as users_repo
from app.security.passwords import hash_password, verify_password
from app.security.tokens import digest_token, new_password_reset_token
from app.services import mail
from app.tables import password_resets

logger = logging.getLogger(__name__)

RESET_TTL = timedelta(minutes=30)
PASSWORD_RESET_TEMPLATE = "emails/action_link.html"


class RegistrationError(ValueError):
    pass


@dataclass
class LoginResult:
    user: dict | None
    reason: str | None = None


async def register(email: str, display_name: str, password: str) -> int:
    if len(password) < 10:
        raise RegistrationError("Password must be at least 10 characters.")
    if await users_repo.get_by_email(email):
        raise RegistrationError("An account with that e-mail already exists.")
    user_id = await users_repo.create(email, display_name, hash_password(password))
    logger.info("registered user_id=%s", user_id)
    return user_id


async def authenticate(email: str, password: str) -> LoginResult:
    user = await users_repo.get_by_email(email)
    ok, upgraded = verify_password(password, user["password_hash"] if user else None)
    if not ok:
        logger.info("failed login for user_id=%s", user["id"] if user else None)
        return LoginResult(None, "Invalid e-mail or password.")
    if upgraded:
        await users_repo.update_password_hash(user["id"], upgraded)
    return LoginResult(user)


async def start_password_reset(email: str, base_url: str) -> None:
    user = await users_repo.get_by_email(email)
    if user is None:
        return
    token = new_password_reset_token(user["email"])
    await database.execute(
        password_resets.insert().values(
            user_id=user["id"],
            token_hash=digest_token(token),
            expires_at=datetime.now(timezone.utc) + RESET_TTL,
        )
    )
    logger.info("password reset requested for user_id=%s", user["id"])
    await mail.enqueue(
        "send_template",
        to=user["email"],
        template=PASSWORD_RESET_TEMPLATE,
        subject="Reset your Ticketeer password",
        context={"link": f"{base_url}password/reset/{token}"},
    )


async def finish_password_reset(token: str, new_password: str) -> bool:
    row = await database.fetch_one(
        password_resets.select().where(
            password_resets.c.token_hash == digest_token(token),
            password_resets.c.used.is_(False),
            password_resets.c.expires_at > datetime.now(timezone.utc),
        )
    )
    if row is None:
        return False
    async with database.transaction():
        await users_repo.update_password_hash(row.user_id, hash_password(new_password))
        await database.execute(
            password_resets.update().where(password_resets.c.id == row.id).values(used=True)
        )
    return True


async def login_with_google(userinfo: dict) -> dict:
    user = await users_repo.get_by_google_sub(userinfo["sub"])
    if user:
        return user
    existing = await users_repo.get_by_email(userinfo["email"])
    if existing and userinfo.get("email_verified"):
        return existing
    user_id = await users_repo.create(
        email=userinfo["email"],
        display_name=userinfo.get("name") or userinfo["email"].split("@")[0],
        password_hash=None,
        google_sub=userinfo["sub"],
        email_verified=bool(userinfo.get("email_verified")),
    )
    return await users_repo.get_by_id(user_id)
