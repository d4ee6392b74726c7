import hashlib
import hmac
import logging
import string
from datetime import datetime, timezone

from sqlalchemy import select

from ..extensions import db
from ..models import ApiKey
from ..utils.strings import random_string

log = logging.getLogger(__name__)

KEY_ALPHABET = string.ascii_letters + string.digits
PREFIX_LENGTH = 8
SECRET_LENGTH = 32


def hash_api_key(raw_key):
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def create_api_key(user, name):
    material = random_string(PREFIX_LENGTH + SECRET_LENGTH, alphabet=KEY_ALPHABET)
    prefix, secret = material[:PREFIX_LENGTH], material[PREFIX_LENGTH:]
    raw_key = f"sh_{prefix}.{secret}"
    api_key = ApiKey(user_id=user.id, name=name[:80], prefix=prefix, key_hash=hash_api_key(raw_key))
    db.session.add(api_key)
    db.session.commit()
    log.info("created api key %s (%s) for user %s", raw_key, name, user.id)
    return api_key, raw_key


def authenticate_api_key(raw_key):
    if not raw_key or not raw_key.startswith("sh_") or "." not in raw_key:
        return None
    prefix = raw_key[3:].split(".", 1)[0]
    api_key = db.session.scalar(select(ApiKey).where(ApiKey.prefix == prefix, ApiKey.revoked.is_(False)))
    if api_key is None:
        return None
    if not hmac.compare_digest(api_key.key_hash, hash_api_key(raw_key)):
        return None
    api_key.last_used_at = datetime.now(timezone.utc)
    db.session.commit()
    return api_key.user


def revoke_api_key(user, key_id):
    api_key = db.session.get(ApiKey, key_id)
    if api_key is None or api_key.user_id != user.id:
        return False
    api_key.revoked = True
    db.session.commit()
    return True
