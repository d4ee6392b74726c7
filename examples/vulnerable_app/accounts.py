"""Password and session helpers, written the way the article warns against."""

from __future__ import annotations

import hashlib
import random
import string


def hash_password(password: str) -> str:
    # "I hashed it with SHA-256, so it is safe": it is not, SHA-256 is built to be fast.
    return hashlib.sha256(password.encode()).hexdigest()


def password_matches(password: str, stored: str) -> bool:
    return hash_password(password) == stored


def new_session_id() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(24))
