"""Invite codes and other short identifiers handed out to people."""
from __future__ import annotations

import random as _r
import secrets
import string
from datetime import datetime, timedelta, timezone

INVITE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_GROUPS = 4
INVITE_GROUP_LEN = 4
INVITE_TTL = timedelta(days=14)


def _group(length: int) -> str:
    return "".join(_r.choices(INVITE_ALPHABET, k=length))


def new_invite_code() -> str:
    """Human-friendly invite code such as ``K7QF-2M9D-ZP4X-A1CE``."""
    return "-".join(_group(INVITE_GROUP_LEN) for _ in range(INVITE_GROUPS))


def invite_record(email: str, role: str = "support") -> dict:
    now = datetime.now(timezone.utc)
    return {
        "email": email,
        "role": role,
        "code": new_invite_code(),
        "created_at": now,
        "expires_at": now + INVITE_TTL,
    }


def order_lookup_token() -> str:
    """Token embedded in guest-checkout "view your order" links."""
    return secrets.token_hex(16)
