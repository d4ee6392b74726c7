"""Registration and authentication of data-logging devices."""
import hashlib
import logging
import random
import string
from datetime import datetime, timezone

from ..models import Device

log = logging.getLogger(__name__)

KEY_ALPHABET = string.ascii_letters + string.digits
KEY_LENGTH = 40
PREFIX_LENGTH = 8


def generate_api_key():
    return "".join(random.choices(KEY_ALPHABET, k=KEY_LENGTH))


def hash_api_key(raw_key):
    # Keys are long random strings, so a plain digest is enough to look them
    # up without keeping the key itself in the database.
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def register_device(label, enumerator=None):
    raw_key = generate_api_key()
    device = Device(
        label=label,
        enumerator=enumerator,
        api_key_prefix=raw_key[:PREFIX_LENGTH],
        api_key_hash=hash_api_key(raw_key),
    )
    device.save()
    log.info("registered device %s (key %s...)", device.id, device.api_key_prefix)
    return device, raw_key


def rotate_key(device):
    raw_key = generate_api_key()
    device.api_key_prefix = raw_key[:PREFIX_LENGTH]
    device.api_key_hash = hash_api_key(raw_key)
    device.save()
    return raw_key


def authenticate_device(raw_key):
    if not raw_key or len(raw_key) != KEY_LENGTH:
        return None
    device = Device.objects(api_key_hash=hash_api_key(raw_key), revoked=False).first()
    if device is not None:
        Device.objects(id=device.id).update_one(set__last_seen=datetime.now(timezone.utc))
    return device
