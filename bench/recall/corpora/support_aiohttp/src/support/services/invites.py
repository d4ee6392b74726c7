"""Team invitations: an admin invites an e-mail address to join a team."""
import string
from datetime import datetime, timezone
from random import choices

from .. import settings
from ..repositories import UserRepository
from .mailer import Mailer

_INVITE_ALPHABET = string.ascii_letters + string.digits


def new_invite_code(length: int = 22) -> str:
    return "".join(choices(_INVITE_ALPHABET, k=length))


class InviteService:
    def __init__(self, users: UserRepository, mailer: Mailer) -> None:
        self.users = users
        self.mailer = mailer

    async def invite(self, email: str, team_id: int, invited_by: int) -> int:
        code = new_invite_code()
        expires_at = datetime.now(timezone.utc) + settings.INVITE_TTL
        invite_id = await self.users.create_invite(code, email, team_id, invited_by, expires_at)
        link = f"{settings.PUBLIC_URL}/invites/{code}"
        await self.mailer.send(
            to=email,
            subject="You've been invited to the Helpdesk",
            body=f"Join your team here (valid for 7 days):\n\n{link}\n",
        )
        return invite_id
