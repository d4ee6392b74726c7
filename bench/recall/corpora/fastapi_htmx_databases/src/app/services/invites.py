"""Organizer invitations: admins invite venues and promoters to list events."""
import random
import string
from datetime import datetime, timedelta, timezone

from app.db import database
from app.services import mail

INVITE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_LENGTH = 10
INVITE_TTL = timedelta(days=7)


def _invite_code() -> str:
    return "".join(random.choices(INVITE_ALPHABET, k=INVITE_LENGTH))


async def create_invite(email: str, invited_by: int, base_url: str) -> str:
    code = _invite_code()
    await database.execute(
        query=(
            "INSERT INTO organizer_invites (email, code, invited_by, expires_at) "
            "VALUES (:email, :code, :by, :exp)"
        ),
        values={
            "email": email,
            "code": code,
            "by": invited_by,
            "exp": datetime.now(timezone.utc) + INVITE_TTL,
        },
    )
    await mail.enqueue(
        "send_template",
        to=email,
        template="emails/action_link.html",
        subject="You're invited to sell tickets on Ticketeer",
        context={"link": f"{base_url}organizers/join/{code}"},
    )
    return code


async def redeem(code: str, user_id: int) -> bool:
    row = await database.fetch_one(
        query=(
            "UPDATE organizer_invites SET redeemed_by = :uid, redeemed_at = now() "
            "WHERE code = :code AND redeemed_by IS NULL AND expires_at > now() RETURNING id"
        ),
        values={"uid": user_id, "code": code},
    )
    return row is not None
