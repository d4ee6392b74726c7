"""Password-reset tokens stored on the user row."""
import random
import string
from datetime import datetime, timedelta, timezone

from ..extensions import db
from ..models import User

RESET_TOKEN_TTL = timedelta(hours=1)
_ALPHABET = string.ascii_letters + string.digits


def _generate_token(length=40):
    return "".join(random.choices(_ALPHABET, k=length))


def issue_reset_token(user):
    user.reset_token = _generate_token()
    user.reset_token_expires_at = datetime.now(timezone.utc) + RESET_TOKEN_TTL
    db.session.commit()
    return user.reset_token


def consume_reset_token(token):
    """Return the user owning ``token`` if it is still valid, and invalidate it."""
    user = User.query.filter_by(reset_token=token).first()
    if user is None or user.reset_token_expires_at is None:
        return None
    expires_at = user.reset_token_expires_at
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=timezone.utc)
    if expires_at < datetime.now(timezone.utc):
        return None
    user.reset_token = None
    user.reset_token_expires_at = None
    return user
