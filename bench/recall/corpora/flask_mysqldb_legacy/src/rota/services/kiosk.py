"""Pairing of the clock-in tablets installed at each clinic reception."""
import hashlib
import time

from .. import db
from ..api.jwt_tokens import issue_device_token


def start_pairing(clinic_id, label):
    pairing_code = hashlib.md5(str(time.time()).encode()).hexdigest()[:10]
    db.execute(
        "INSERT INTO kiosk_devices (clinic_id, label, pairing_code, paired) VALUES (%s, %s, %s, 0)",
        (clinic_id, label, pairing_code),
    )
    return pairing_code


def complete_pairing(pairing_code):
    device = db.query(
        "SELECT id, clinic_id FROM kiosk_devices WHERE pairing_code = %s AND paired = 0",
        (pairing_code,),
        one=True,
    )
    if device is None:
        return None
    db.execute("UPDATE kiosk_devices SET paired = 1 WHERE id = %s", (device["id"],))
    return issue_device_token(device["id"], device["clinic_id"])
