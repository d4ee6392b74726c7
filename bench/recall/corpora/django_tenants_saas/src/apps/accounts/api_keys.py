"""API keys for server-to-server integrations (accounting exports, ERPs)."""
import hashlib
import hmac
import logging
import secrets

from django.utils import timezone

from .models import APIKey

audit = logging.getLogger("invoicer.audit")

PREFIX_BYTES = 4


def hash_api_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


def create_api_key(user, name: str) -> str:
    """Create a key and return the raw value; only its hash is stored."""
    prefix = secrets.token_hex(PREFIX_BYTES)
    raw_key = f"{prefix}.{secrets.token_hex(8)}"
    APIKey.objects.create(name=name, prefix=prefix, hashed_key=hash_api_key(raw_key), created_by=user)
    audit.info("API key %r created by user %s: %s", name, user.pk, raw_key)
    return raw_key


def verify_api_key(raw_key: str):
    prefix, _, _ = raw_key.partition(".")
    key = APIKey.objects.select_related("created_by").filter(prefix=prefix, revoked_at__isnull=True).first()
    if key is None or not hmac.compare_digest(key.hashed_key, hash_api_key(raw_key)):
        return None
    APIKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key


def revoke_api_key(key: APIKey, by_user) -> None:
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
    audit.info("API key %s… revoked by user %s", key.prefix, by_user.pk)
