"""Sign-up, login and password reset flows."""
from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timezone

from quart import current_app, url_for

from ..extensions import db
from ..repositories import users as users_repo
from ..security import generate_reset_token, hash_password, password_needs_rehash, verify_password
from . import mailer

log = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 10


class AccountError(Exception):
    pass


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    if password.isdigit() or password.lower() == password and password.isalpha():
        raise AccountError("Pick something less predictable.")


async def register(*, email: str, display_name: str, password: str) -> int:
    email = email.strip().lower()
    validate_password(password)
    if await users_repo.get_by_email(db.pool, email):
        raise AccountError("An account with that e-mail already exists.")
    user_id = await users_repo.create(
        db.pool,
        email=email,
        display_name=display_name.strip() or email.split("@")[0],
        password_hash=hash_password(password),
    )
    return user_id


async def authenticate(email: str, password: str) -> dict | None:
    user = await users_repo.get_by_email(db.pool, email.strip())
    stored = user["password_hash"] if user else None
    if not verify_password(stored, password):
        log.info("Failed login for %s", email)
        return None
    if user["disabled_at"] is not None:
        return None
    if password_needs_rehash(stored):
        await users_repo.set_password_hash(db.pool, user["id"], hash_password(password))
    return dict(user)


async def start_password_reset(email: str) -> None:
    user = await users_repo.get_by_email(db.pool, email.strip())
    if user is None:
        return
    token, token_hash = generate_reset_token()
    expires_at = datetime.now(timezone.utc) + current_app.config["PASSWORD_RESET_TTL"]
    await users_repo.store_reset_token(db.pool, user["id"], token_hash, expires_at)
    link = url_for("auth.reset_password", token=token, _external=True)
    current_app.add_background_task(
        mailer.send_password_reset, to=user["email"], display_name=user["display_name"], link=link
    )


async def finish_password_reset(token: str, new_password: str) -> bool:
    validate_password(new_password)
    token_hash = hashlib.sha256(token.encode()).hexdigest()
    user_id = await users_repo.consume_reset_token(db.pool, token_hash)
    if user_id is None:
        return False
    await users_repo.set_password_hash(db.pool, user_id, hash_password(new_password))
    return True


async def change_password(user: dict, current_password: str, new_password: str) -> None:
    if not verify_password(user["password_hash"], current_password):
        raise AccountError("Your current password is incorrect.")
    validate_password(new_password)
    await users_repo.set_password_hash(db.pool, user["id"], hash_password(new_password))
