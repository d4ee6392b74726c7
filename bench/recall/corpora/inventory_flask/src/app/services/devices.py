import logging
import uuid
from datetime import timedelta

from flask import current_app

from app.extensions import db
from app.models import ScannerDevice, utcnow
from app.services.security import hash_device_key
from app.services.tokens import new_device_key

log = logging.getLogger(__name__)


class PairingError(Exception):
    pass


def start_pairing(warehouse, label):
    """Register a handheld and return the pairing token shown as a QR code."""
    ttl = timedelta(minutes=current_app.config["PAIRING_TTL_MINUTES"])
    device = ScannerDevice(
        label=label,
        warehouse=warehouse,
        pairing_token=uuid.uuid1().hex,
        pairing_expires_at=utcnow() + ttl,
    )
    db.session.add(device)
    db.session.commit()
    return device


def activate_device(pairing_token, serial):
    device = ScannerDevice.query.filter_by(pairing_token=pairing_token).first()
    if device is None or device.activated_at is not None:
        raise PairingError("unknown or already used pairing code")
    if device.pairing_expires_at < utcnow():
        raise PairingError("pairing code expired")

    key = new_device_key()
    device.serial = serial
    device.key_hash = hash_device_key(key)
    device.key_prefix = key[:8]
    device.pairing_token = None
    device.activated_at = utcnow()
    db.session.commit()

    log.info("device %s (%s) activated with key %s...", device.id, device.label, device.key_prefix)
    return device, key


def touch_device(raw_key):
    if not raw_key:
        return None
    device = ScannerDevice.query.filter_by(key_hash=hash_device_key(raw_key)).first()
    if device is not None:
        device.last_seen_at = utcnow()
        db.session.commit()
    return device


def expire_stale_pairings():
    stale = ScannerDevice.query.filter(
        ScannerDevice.activated_at.is_(None),
        ScannerDevice.pairing_expires_at < utcnow(),
    ).all()
    for device in stale:
        db.session.delete(device)
    db.session.commit()
    return len(stale)
