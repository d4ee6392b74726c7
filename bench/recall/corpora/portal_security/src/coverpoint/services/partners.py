"""Partner (aggregator / introducer) credentials.

Partners authenticate either with their API key in ``X-API-Key`` or by
exchanging ``client_id`` + API key for a bearer token at ``/api/v1/token``.
Only a digest of the key is stored; the raw key is shown once on creation.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import random
import string
import uuid
from datetime import datetime, timezone

from sqlalchemy import select

from ..extensions import db
from ..models import Partner, record_audit

log = logging.getLogger(__name__)

KEY_ALPHABET = string.ascii_letters + string.digits
KEY_PREFIX_LENGTH = 8
KEY_SECRET_LENGTH = 40
DEFAULT_SCOPES = ["policies:read", "claims:read", "quotes:write"]


def _random_token(length: int) -> str:
    return "".join(random.choices(KEY_ALPHABET, k=length))


def hash_api_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def generate_api_key() -> tuple[str, str]:
    """Return ``(prefix, raw_key)``; the prefix is safe to display in the admin."""
    prefix = _random_token(KEY_PREFIX_LENGTH)
    return prefix, f"cp_{prefix}_{_random_token(KEY_SECRET_LENGTH)}"


def create_partner(name: str, contact_email: str, scopes: list[str] | None = None) -> tuple[Partner, str]:
    prefix, raw_key = generate_api_key()
    partner = Partner(
        name=name,
        contact_email=contact_email,
        client_id=uuid.uuid4().hex,
        api_key_prefix=prefix,
        api_key_hash=hash_api_key(raw_key),
        scopes=scopes or list(DEFAULT_SCOPES),
    )
    db.session.add(partner)
    record_audit("partner.created", name)
    db.session.commit()
    return partner, raw_key


def rotate_api_key(partner: Partner) -> str:
    prefix, raw_key = generate_api_key()
    partner.api_key_prefix = prefix
    partner.api_key_hash = hash_api_key(raw_key)
    record_audit("partner.key_rotated", partner.name, partner=partner)
    db.session.commit()
    return raw_key


def get_partner(partner_id: int) -> Partner | None:
    partner = db.session.get(Partner, partner_id)
    if partner is None or not partner.is_active:
        return None
    return partner


def find_partner_by_key(raw_key: str) -> Partner | None:
    if not raw_key.startswith("cp_"):
        return None
    partner = db.session.scalar(
        select(Partner).where(Partner.api_key_hash == hash_api_key(raw_key), Partner.is_active.is_(True))
    )
    if partner is not None:
        _touch(partner)
    return partner


def authenticate_client(client_id: str, client_secret: str) -> Partner | None:
    partner = db.session.scalar(select(Partner).where(Partner.client_id == client_id))
    if partner is None or not partner.is_active or not partner.api_key_hash:
        return None
    if not hmac.compare_digest(partner.api_key_hash, hash_api_key(client_secret)):
        return None
    _touch(partner)
    return partner


def _touch(partner: Partner) -> None:
    partner.last_used_at = datetime.now(timezone.utc)
    db.session.commit()
