"""Partner API keys: generated once, stored as a SHA-256 digest."""
from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from labtrack.models import ApiKey, User

KEY_PREFIX = "ltk_"


def generate_key() -> str:
    return KEY_PREFIX + uuid.uuid1().hex


def digest(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def create(session: Session, owner: User, name: str, scopes: list[str]) -> tuple[str, ApiKey]:
    raw = generate_key()
    record = ApiKey(
        name=name,
        prefix=raw[: len(KEY_PREFIX) + 6],
        key_hash=digest(raw),
        scopes=" ".join(scopes),
        owner_id=owner.id,
    )
    session.add(record)
    session.commit()
    return raw, record


def authenticate(session: Session, raw_key: str) -> ApiKey | None:
    record = session.scalar(
        select(ApiKey).where(ApiKey.key_hash == digest(raw_key), ApiKey.revoked_at.is_(None))
    )
    if record is not None:
        record.last_used_at = datetime.now(timezone.utc)
        session.commit()
    return record


def revoke(session: Session, key_id: int) -> bool:
    record = session.get(ApiKey, key_id)
    if record is None or record.revoked_at is not None:
        return False
    record.revoked_at = datetime.now(timezone.utc)
    session.commit()
    return True
