import hashlib

from django.conf import settings


def hash_kiosk_pin(pin):
    """Hash the four-digit PIN students type at the library/canteen kiosk."""
    digest = hashlib.sha256()
    digest.update(settings.KIOSK_PIN_SALT.encode("utf-8"))
    digest.update(str(pin).encode("utf-8"))
    return digest.hexdigest()


def set_kiosk_pin(student, pin):
    student.kiosk_pin_hash = hash_kiosk_pin(pin)
    student.save(update_fields=["kiosk_pin_hash"])


def update_profile(student, *, about_me):
    student.about_me = about_me.strip()
    student.save(update_fields=["about_me"])
    return student
