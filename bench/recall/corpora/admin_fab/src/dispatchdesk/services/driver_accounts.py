"""Credentials for the driver mobile app.

Drivers are not FAB users; they sign in to the handheld app with a username
and password that dispatchers set from the Drivers screen.
"""
import hashlib
import hmac
import secrets
from datetime import datetime

from ..models.shipment import Driver


def _hash_app_password(password: str, salt: str) -> str:
    return hashlib.sha256((salt + password).encode("utf-8")).hexdigest()


def set_driver_app_password(driver: Driver, username: str, password: str) -> None:
    salt = secrets.token_hex(16)
    driver.app_username = username
    driver.app_password_salt = salt
    driver.app_password_hash = _hash_app_password(password, salt)


def verify_driver_login(session, username: str, password: str):
    """Return the driver for valid credentials, otherwise None."""
    driver = (
        session.query(Driver)
        .filter(Driver.app_username == username, Driver.active.is_(True))
        .one_or_none()
    )
    if driver is None or not driver.app_password_hash:
        return None
    candidate = _hash_app_password(password, driver.app_password_salt or "")
    if not hmac.compare_digest(candidate, driver.app_password_hash):
        return None
    driver.last_seen_at = datetime.utcnow()
    session.commit()
    return driver
