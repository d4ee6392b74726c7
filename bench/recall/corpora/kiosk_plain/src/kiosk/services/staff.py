"""Box-office staff: PIN sign-in on the till and the door scanners."""
import datetime as dt
import hashlib
import hmac
import logging

import jwt

from kiosk import config, db

log = logging.getLogger(__name__)


class StaffAuthError(Exception):
    pass


def pin_digest(pin):
    return hashlib.sha256((config.PIN_SALT + pin).encode("utf-8")).hexdigest()


def set_pin(staff_id, pin):
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValueError("PIN must be 4 to 8 digits")
    db.update("staff", staff_id, {"pin_hash": pin_digest(pin)})


def authenticate(staff_number, pin):
    row = db.query_one(
        "SELECT id, name, role, pin_hash FROM staff WHERE staff_number = ? AND active = 1",
        (staff_number,),
    )
    if row is None or not pin:
        return None
    if not hmac.compare_digest(row["pin_hash"], pin_digest(pin)):
        return None
    return row


def issue_staff_token(staff):
    now = dt.datetime.now(dt.timezone.utc)
    payload = {
        "sub": str(staff["id"]),
        "name": staff["name"],
        "role": staff["role"],
        "iat": now,
        "exp": now + dt.timedelta(minutes=config.STAFF_TOKEN_MINUTES),
    }
    return jwt.encode(payload, config.STAFF_JWT_KEY, algorithm="HS256")


def decode_staff_token(token):
    try:
        return jwt.decode(
            token,
            config.STAFF_JWT_KEY,
            algorithms=["HS256"],
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise StaffAuthError(str(exc))


def record_admission(staff_id, booking_id, showing_id):
    db.insert("admissions", {
        "booking_id": booking_id,
        "showing_id": showing_id,
        "staff_id": staff_id,
        "admitted_at": dt.datetime.now(),
    })


def admissions_for(showing_id):
    return db.query(
        "SELECT a.booking_id, a.admitted_at, s.name AS staff_name FROM admissions a "
        "JOIN staff s ON s.id = a.staff_id WHERE a.showing_id = ? ORDER BY a.admitted_at",
        (showing_id,),
    )
