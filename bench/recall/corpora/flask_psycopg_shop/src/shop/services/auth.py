"""Account lifecycle: sign-up with e-mail confirmation, login, password reset."""
import hashlib
import json
import logging
import uuid

from flask import current_app, url_for

from ..extensions import bcrypt
from ..repositories import UserRepository
from . import mailer, tokens

logger = logging.getLogger(__name__)

PENDING_SIGNUP_PREFIX = "cornershop:signup:"


class RegistrationError(Exception):
    pass


class AuthService:
    def __init__(self, users=None):
        self.users = users or UserRepository()

    @property
    def _redis(self):
        return current_app.extensions["redis"]

    # -- sign-up ---------------------------------------------------------------

    def start_registration(self, email, password, full_name):
        """Park the sign-up until the address is confirmed, then mail the link."""
        email = email.strip().lower()
        if self.users.get_by_email(email):
            raise RegistrationError("An account with this e-mail address already exists.")
        ttl = current_app.config["CONFIRM_TOKEN_MAX_AGE"]
        self._redis.setex(PENDING_SIGNUP_PREFIX + email, ttl, json.dumps({"email": email, "full_name": full_name, "password": password}))
        self._send_confirmation(email, full_name)

    def resend_confirmation(self, email):
        email = email.strip().lower()
        raw = self._redis.get(PENDING_SIGNUP_PREFIX + email)
        if raw is None:
            return False
        self._send_confirmation(email, json.loads(raw)["full_name"])
        return True

    def _send_confirmation(self, email, full_name):
        token = tokens.make_confirm_token(email)
        confirm_url = url_for("auth.confirm", token=token, _external=True)
        mailer.send_template(email, "Confirm your Corner Shop account", "emails/confirm", name=full_name, confirm_url=confirm_url)

    def complete_registration(self, token):
        email = tokens.load_confirm_token(token)
        raw = self._redis.get(PENDING_SIGNUP_PREFIX + email)
        if raw is None:
            existing = self.users.get_by_email(email)
            if existing:
                return existing
            raise tokens.InvalidToken("no pending sign-up")
        pending = json.loads(raw)
        password_hash = bcrypt.generate_password_hash(pending["password"]).decode("utf-8")
        user_id = self.users.create(email, password_hash, pending["full_name"])
        self._redis.delete(PENDING_SIGNUP_PREFIX + email)
        logger.info("account %s created", user_id)
        return self.users.get(user_id)

    # -- login -----------------------------------------------------------------

    def authenticate(self, email, password):
        user = self.users.get_by_email(email)
        if user is None or not user["is_active"]:
            return None
        if user["legacy_sha1"]:
            return self._authenticate_legacy(user, password)
        if user["password_hash"] and bcrypt.check_password_hash(user["password_hash"], password):
            return user
        return None

    def _authenticate_legacy(self, user, password):
        """Customers imported from the old storefront still carry salted SHA-1
        digests; upgrade them to bcrypt on their first successful login."""
        digest = hashlib.sha1((user["legacy_salt"] + password).encode("utf-8")).hexdigest()
        if digest == user["legacy_sha1"]:
            new_hash = bcrypt.generate_password_hash(password).decode("utf-8")
            self.users.set_password_hash(user["id"], new_hash)
            logger.info("upgraded legacy password hash for user %s", user["id"])
            return user
        return None

    def issue_remember_token(self, user):
        token = uuid.uuid1().hex
        self.users.set_remember_token(user["id"], token)
        return token

    def forget(self, user):
        self.users.set_remember_token(user["id"], None)

    # -- password reset --------------------------------------------------------

    def request_password_reset(self, email):
        user = self.users.get_by_email(email)
        if user is None:
            logger.info("password reset requested for unknown address")
            return
        reset_url = url_for("auth.reset_password", token=tokens.make_reset_token(user), _external=True)
        mailer.send_template(user["email"], "Reset your password", "emails/reset", name=user["full_name"], reset_url=reset_url)
        logger.info("password reset mail sent to %s (%s)", user["email"], reset_url)

    def reset_password(self, token, new_password):
        data = tokens.load_reset_token(token)
        user = self.users.get(data["uid"])
        if user is None or str(user["security_stamp"]) != data["stamp"]:
            raise tokens.InvalidToken("stale reset link")
        self.users.set_password_hash(user["id"], bcrypt.generate_password_hash(new_password).decode("utf-8"))
        return user

    def change_password(self, user, current_password, new_password):
        if not bcrypt.check_password_hash(user["password_hash"], current_password):
            return False
        self.users.set_password_hash(user["id"], bcrypt.generate_password_hash(new_password).decode("utf-8"))
        return True
