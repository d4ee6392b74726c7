"""Co-host / producer invitations to a show."""
from __future__ import annotations

import random
import string
from datetime import datetime, timezone

from quart import current_app, url_for

from ..extensions import db
from ..repositories import shows as shows_repo
from . import mailer

INVITE_ROLES = ("cohost", "producer", "viewer")
_CODE_ALPHABET = string.ascii_letters + string.digits


def _make_code(length: int = 22) -> str:
    return "".join(random.choices(_CODE_ALPHABET, k=length))


async def invite_member(*, show: dict, email: str, role: str, inviter: dict) -> str:
    if role not in INVITE_ROLES:
        raise ValueError(f"unknown role {role!r}")
    code = _make_code()
    expires_at = datetime.now(timezone.utc) + current_app.config["INVITE_TTL"]
    await shows_repo.create_invite(
        db.pool,
        show_id=show["id"],
        email=email.strip().lower(),
        role=role,
        code=code,
        invited_by=inviter["id"],
        expires_at=expires_at,
    )
    link = url_for("shows.accept_invite", code=code, _external=True)
    current_app.add_background_task(
        mailer.send_invite,
        to=email,
        inviter_name=inviter["display_name"],
        show_title=show["title"],
        role=role,
        link=link,
    )
    return link


async def accept(code: str, user_id: int) -> int | None:
    return await shows_repo.accept_invite(db.pool, code, user_id)
