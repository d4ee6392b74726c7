"""Instructor invitations sent by tenant admins."""
import random as _rnd
import string
from datetime import datetime, timedelta

from app.core.config import settings

_ALPHABET = string.ascii_uppercase + string.digits
INVITE_TTL = timedelta(days=7)


def generate_invite_code(length: int = 12) -> str:
    chars = [_rnd.choice(_ALPHABET) for _ in range(length)]
    return "".join(chars)


def build_invite(tenant_slug: str, email: str) -> dict[str, str]:
    code = generate_invite_code()
    link = f"{settings.public_base_url}join/{tenant_slug}?invite={code}"
    return {
        "email": email,
        "code": code,
        "link": link,
        "expires_at": (datetime.utcnow() + INVITE_TTL).isoformat(),
    }
