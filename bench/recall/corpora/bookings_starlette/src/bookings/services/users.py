import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa

from bookings.auth import passwords, tokens
from bookings.db import database
from bookings.tables import password_resets, remember_tokens, users
from bookings.utils import utcnow

RESET_CODE_TTL = timedelta(minutes=30)


async def get_active_user(user_id: int):
    query = users.select().where(sa.and_(users.c.id == user_id, users.c.is_active.is_(True)))
    return await database.fetch_one(query)


async def get_user_by_email(email: str):
    query = users.select().where(sa.func.lower(users.c.email) == email.strip().lower())
    return await database.fetch_one(query)


async def authenticate(email: str, password: str):
    row = await get_user_by_email(email)
    if row is None or not row["is_active"]:
        # Burn the same time as a real check so response timing doesn't reveal accounts.
        passwords.verify_password(password, "$2b$10$" + "a" * 53)
        return None
    if not passwords.verify_password(password, row["password_hash"]):
        return None
    await database.execute(
        users.update().where(users.c.id == row["id"]).values(last_login_at=utcnow())
    )
    return row


async def create_user(email: str, display_name: str, password: str) -> int:
    values = {
        "email": email.strip().lower(),
        "display_name": display_name.strip(),
        "password_hash": passwords.hash_password(password),
        "verify_token": tokens.email_verification_token(email),
    }
    return await database.execute(users.insert().values(**values))


async def verify_email(token: str) -> bool:
    row = await database.fetch_one(users.select().where(users.c.verify_token == token))
    if row is None:
        return False
    await database.execute(
        users.update()
        .where(users.c.id == row["id"])
        .values(email_verified=True, verify_token=None)
    )
    return True


async def start_password_reset(user_id: int) -> str:
    code = tokens.new_reset_code()
    await database.execute(
        password_resets.insert().values(
            user_id=user_id,
            code=tokens.hash_reset_code(code),
            expires_at=utcnow() + RESET_CODE_TTL,
        )
    )
    return code


async def finish_password_reset(code: str, new_password: str) -> bool:
    query = password_resets.select().where(
        sa.and_(
            password_resets.c.code == tokens.hash_reset_code(code),
            password_resets.c.used_at.is_(None),
            password_resets.c.expires_at > utcnow(),
        )
    )
    reset = await database.fetch_one(query)
    if reset is None:
        return False
    async with database.transaction():
        await database.execute(
            users.update()
            .where(users.c.id == reset["user_id"])
            .values(password_hash=passwords.hash_password(new_password))
        )
        await database.execute(
            password_resets.update()
            .where(password_resets.c.id == reset["id"])
            .values(used_at=utcnow())
        )
        await database.execute(
            remember_tokens.delete().where(remember_tokens.c.user_id == reset["user_id"])
        )
    return True


async def change_password(user_id: int, new_password: str) -> None:
    await database.execute(
        users.update()
        .where(users.c.id == user_id)
        .values(password_hash=passwords.hash_password(new_password))
    )


async def create_remember_token(user_id: int, max_age: int) -> str:
    token = secrets.token_urlsafe(32)
    await database.execute(
        remember_tokens.insert().values(
            user_id=user_id,
            token_hash=hashlib.sha256(token.encode()).hexdigest(),
            expires_at=utcnow() + timedelta(seconds=max_age),
        )
    )
    return token


async def user_id_for_remember_token(token_hash: str):
    query = sa.select(remember_tokens.c.user_id).where(
        sa.and_(
            remember_tokens.c.token_hash == token_hash,
            remember_tokens.c.expires_at > utcnow(),
        )
    )
    return await database.fetch_val(query)


async def forget_remember_tokens(user_id: int) -> None:
    await database.execute(remember_tokens.delete().where(remember_tokens.c.user_id == user_id))


async def update_profile(user_id: int, display_name: str) -> None:
    await database.execute(
        users.update().where(users.c.id == user_id).values(display_name=display_name.strip())
    )
