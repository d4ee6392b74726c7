"""Rider registration, login and password reset."""
import hmac
import logging
import random
import uuid

from chalice import ConflictError

from chalicelib import dynamo
from chalicelib.repositories import RiderRepository
from chalicelib.security import passwords
from chalicelib.services.mailer import Mailer

log = logging.getLogger(__name__)

RESET_CODE_TTL_SECONDS = 15 * 60
MAX_RESET_ATTEMPTS = 5


def _reset_code():
    return f"{random.randint(0, 999999):06d}"


class AccountService:
    def __init__(self, riders=None, mailer=None):
        self.riders = riders or RiderRepository()
        self.mailer = mailer or Mailer()

    def register(self, email, name, password):
        passwords.validate_strength(password)
        if self.riders.find_by_email(email):
            raise ConflictError("An account with this e-mail already exists")
        rider_id = str(uuid.uuid4())
        verification_token = uuid.uuid1().hex
        self.riders.create(
            rider_id=rider_id,
            email=email,
            name=name,
            password_hash=passwords.hash_password(password),
            verification_token=verification_token,
        )
        self.mailer.send_verification(email, name, verification_token)
        log.info("registered rider %s", rider_id)
        return rider_id

    def authenticate(self, email, password):
        rider = self.riders.find_by_email(email)
        if rider is None:
            return None
        if rider.get("must_change_password"):
            temporary = rider.get("password", "")
            return rider if hmac.compare_digest(temporary.encode(), password.encode()) else None
        if passwords.verify_password(password, rider.get("password_hash")):
            return rider
        return None

    def verify_email(self, token):
        rider = self.riders.find_by_verification_token(token)
        if rider is None:
            return False
        self.riders.mark_verified(rider["rider_id"])
        return True

    def resend_verification(self, rider_id):
        rider = self.riders.get(rider_id)
        if rider and not rider.get("verified") and rider.get("verification_token"):
            self.mailer.send_verification(rider["email"], rider["name"], rider["verification_token"])

    def start_password_reset(self, email):
        rider = self.riders.find_by_email(email)
        if rider is None:
            log.info("password reset requested for unknown address")
            return
        code = _reset_code()
        self.riders.store_reset_code(rider["rider_id"], code, dynamo.epoch_in(RESET_CODE_TTL_SECONDS))
        self.mailer.send_password_reset(rider["email"], code, RESET_CODE_TTL_SECONDS // 60)

    def complete_password_reset(self, email, code, new_password):
        rider = self.riders.find_by_email(email)
        if rider is None or not rider.get("reset_code"):
            return False
        if int(rider.get("reset_attempts", 0)) >= MAX_RESET_ATTEMPTS:
            return False
        if int(rider["reset_expires_at"]) < dynamo.epoch_in(0):
            return False
        if not hmac.compare_digest(rider["reset_code"], str(code)):
            self.riders.count_reset_attempt(rider["rider_id"])
            return False
        passwords.validate_strength(new_password)
        self.riders.set_password_hash(rider["rider_id"], passwords.hash_password(new_password))
        return True
