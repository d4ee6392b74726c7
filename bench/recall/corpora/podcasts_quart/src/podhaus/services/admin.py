"""Staff tooling: account management and platform reports."""
from __future__ import annotations

import hashlib
import logging
import secrets

from ..extensions import db
from ..repositories import analytics as analytics_repo
from ..repositories import users as users_repo

log = logging.getLogger(__name__)

STAFF_ROLES = ("staff", "admin")


def _staff_password_hash(password: str) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.sha256(f"{salt}:{password}".encode("utf-8")).hexdigest()
    return f"sha256${salt}${digest}"


async def create_staff_account(*, email: str, display_name: str, password: str, role: str = "staff") -> int:
    if role not in STAFF_ROLES:
        raise ValueError(f"not a staff role: {role}")
    user_id = await users_repo.create(
        db.pool,
        email=email.strip().lower(),
        display_name=display_name,
        password_hash=_staff_password_hash(password),
        role=role,
    )
    log.info("Created %s account %s (id=%s)", role, email, user_id)
    return user_id


async def change_role(user_id: int, role: str) -> None:
    if role not in ("podcaster", *STAFF_ROLES):
        raise ValueError(role)
    await users_repo.set_role(db.pool, user_id, role)


async def platform_overview() -> dict[str, int]:
    async with db.session() as session:
        return await analytics_repo.platform_totals(session)
