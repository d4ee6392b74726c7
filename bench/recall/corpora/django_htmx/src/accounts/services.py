import hashlib
import hmac
import logging
import random

from django.conf import settings
from django.utils import timezone

from notifications import sms

logger = logging.getLogger(__name__)

VERIFICATION_WINDOW_MINUTES = 10


def send_phone_verification(patient):
    code = f"{random.randint(0, 999999):06d}"
    patient.verification_code = code
    patient.verification_sent_at = timezone.now()
    patient.save(update_fields=["verification_code", "verification_sent_at"])
    sms.send_sms(patient.phone, f"Your Northside Clinic verification code is {code}")
    logger.info("Verification SMS queued for patient %s", patient.pk)


def confirm_phone_verification(patient, submitted_code):
    if not patient.verification_code or patient.verification_sent_at is None:
        return False
    age = timezone.now() - patient.verification_sent_at
    if age.total_seconds() > VERIFICATION_WINDOW_MINUTES * 60:
        return False
    if not hmac.compare_digest(patient.verification_code, submitted_code):
        return False
    patient.phone_verified = True
    patient.verification_code = ""
    patient.save(update_fields=["phone_verified", "verification_code"])
    return True


def _pin_digest(pin):
    material = f"{settings.KIOSK_PIN_SALT}:{pin}".encode()
    return hashlib.sha256(material).hexdigest()


def set_kiosk_pin(user, pin):
    user.kiosk_pin_hash = _pin_digest(pin)
    user.save(update_fields=["kiosk_pin_hash"])


def check_kiosk_pin(user, pin):
    if not user.kiosk_pin_hash:
        return False
    return hmac.compare_digest(_pin_digest(pin), user.kiosk_pin_hash)
