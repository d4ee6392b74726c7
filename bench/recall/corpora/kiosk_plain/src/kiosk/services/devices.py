"""Lobby kiosk registration and the idle-screen content."""
import datetime as dt
import hashlib
import logging
import random
import time

from kiosk import db, devicetoken
from kiosk.models import Device

log = logging.getLogger(__name__)

PAIRING_WINDOW = 600


class PairingError(Exception):
    pass


def all_devices():
    rows = db.query("SELECT id, name, location, paired_at, revoked FROM devices ORDER BY location, name")
    return [Device.from_row(row) for row in rows]


def create_pairing_code(name, location):
    code = hashlib.md5(("%s|%s" % (name, time.time())).encode("utf-8")).hexdigest()[:8].upper()
    db.insert("devices", {
        "name": name.strip()[:60],
        "location": location.strip()[:60],
        "pairing_code": code,
        "pairing_expires": time.time() + PAIRING_WINDOW,
        "revoked": 0,
    })
    return code


def pair(code):
    row = db.query_one(
        "SELECT id, name, location FROM devices "
        "WHERE pairing_code = ? AND pairing_expires > ? AND paired_at IS NULL AND revoked = 0",
        ((code or "").strip().upper(), time.time()),
    )
    if row is None:
        raise PairingError("Unknown or expired pairing code.")
    db.update("devices", row["id"], {"paired_at": dt.datetime.now(), "pairing_code": None})
    token = devicetoken.issue(row["id"], row["location"])
    active = db.scalar("SELECT COUNT(*) FROM devices WHERE paired_at IS NOT NULL AND revoked = 0")
    log.info("issued device token for kiosk %s (%d active tokens)", row["id"], active)
    return token


def revoke(device_id):
    db.update("devices", device_id, {"revoked": 1})
    log.info("kiosk %s revoked", device_id)


def idle_playlist(limit=12):
    trailers = db.query(
        "SELECT t.url, t.duration_seconds, f.title FROM trailers t JOIN films f ON f.id = t.film_id "
        "WHERE t.active = 1"
    )
    random.shuffle(trailers)
    return trailers[:limit]
