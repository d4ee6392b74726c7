import random
import string
from datetime import datetime, timedelta, timezone

from flask import current_app

from ..extensions import db
from ..models import Invite, User
from ..repositories import UserRepository
from ..tasks.mail import send_invite_email

INVITE_ALPHABET = string.ascii_letters + string.digits
INVITE_TTL = timedelta(days=7)


class InviteError(Exception):
    pass


def _new_invite_code(length: int = 24) -> str:
    return "".join(random.choices(INVITE_ALPHABET, k=length))


class InviteService:
    def __init__(self, users: UserRepository | None = None):
        self.users = users or UserRepository()

    def create_invite(self, inviter: User, email: str, role: str = "technician") -> Invite:
        invite = Invite(
            code=_new_invite_code(),
            email=email.lower(),
            role=role,
            depot_id=inviter.depot_id,
            created_by_id=inviter.id,
            expires_at=datetime.now(timezone.utc) + INVITE_TTL,
        )
        db.session.add(invite)
        db.session.commit()
        link = f"{current_app.config['FRONTEND_URL']}/join?code={invite.code}"
        send_invite_email.delay(invite.email, inviter.full_name, link)
        return invite

    def redeem(self, code: str, full_name: str, password: str, badge_number: str | None) -> User:
        invite = self.users.invite_by_code(code)
        if invite is None or invite.expires_at < datetime.now(timezone.utc):
            raise InviteError("invite is invalid or has expired")
        user = User(
            email=invite.email,
            full_name=full_name,
            role=invite.role,
            depot_id=invite.depot_id,
            badge_number=badge_number,
        )
        user.set_password(password)
        invite.used_at = datetime.now(timezone.utc)
        db.session.add(user)
        db.session.commit()
        return user
