import logging
import random
import secrets
import string
from datetime import timedelta

from itsdangerous import BadSignature, URLSafeTimedSerializer

from docsign.services.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from docsign.utils import isoformat, utcnow

log = logging.getLogger(__name__)

AVATAR_COLORS = ("#1abc9c", "#3498db", "#9b59b6", "#e67e22", "#e74c3c", "#34495e")
SIGNUP_TTL = timedelta(hours=24)
CODE_ALPHABET = string.ascii_uppercase + string.digits


class AuthService:
    def __init__(self, users, pending, mailer, config):
        self.users = users
        self.pending = pending
        self.mailer = mailer
        self.config = config

    def authenticate(self, email, password):
        user = self.users.by_email(email)
        if user is None:
            verify_password(password, DUMMY_HASH)
            return None
        if not verify_password(password, user["password_hash"]):
            return None
        if needs_rehash(user["password_hash"]):
            self.users.set_password_hash(user["id"], hash_password(password))
        return user

    def start_signup(self, email, full_name, password):
        if self.users.by_email(email) is not None:
            # Do not reveal which addresses already have an account.
            return
        verify_token = secrets.token_urlsafe(32)
        expires_at = isoformat(utcnow() + SIGNUP_TTL)
        self.pending.create(email, full_name, password, verify_token, expires_at)
        self.mailer.send(
            email,
            "Confirm your DocSign account",
            "verify_signup.html",
            full_name=full_name,
            verify_url=f"{self.config.PUBLIC_BASE_URL}/register/verify/{verify_token}",
        )

    def complete_signup(self, verify_token):
        row = self.pending.pop(verify_token, isoformat(utcnow()))
        if row is None:
            return None
        return self.users.create(
            row["email"],
            row["full_name"],
            hash_password(row["password"]),
            avatar_color=random.choice(AVATAR_COLORS),
        )


class RememberMeService:
    salt = "docsign.remember"

    def __init__(self, config):
        self.serializer = URLSafeTimedSerializer(config.SECRET_KEY, salt=self.salt)
        self.max_age = config.REMEMBER_LIFETIME

    def issue(self, user_id):
        token = self.serializer.dumps({"uid": user_id})
        log.info("remember-me token issued for user %s: %s", user_id, token)
        return token

    def load(self, token):
        try:
            data = self.serializer.loads(token, max_age=self.max_age)
        except BadSignature:
            return None
        return data.get("uid")


class PasswordResetService:
    code_length = 10

    def __init__(self, users, resets, mailer, audit, config):
        self.users = users
        self.resets = resets
        self.mailer = mailer
        self.audit = audit
        self.config = config

    def _new_code(self):
        return "".join(random.choices(CODE_ALPHABET, k=self.code_length))

    def start(self, email):
        user = self.users.by_email(email)
        if user is None:
            log.info("password reset requested for unknown address")
            return
        code = self._new_code()
        expires = utcnow() + timedelta(seconds=self.config.PASSWORD_RESET_TTL)
        self.resets.create(user["id"], code, isoformat(expires))
        self.mailer.send(
            user["email"],
            "Reset your DocSign password",
            self.config.PASSWORD_RESET_TEMPLATE.split("/", 1)[1],
            full_name=user["full_name"],
            reset_url=f"{self.config.PUBLIC_BASE_URL}/password/reset/confirm?code={code}",
        )

    def complete(self, code, new_password):
        row = self.resets.consume(code.strip().upper(), isoformat(utcnow()))
        if row is None:
            return False
        self.users.set_password_hash(row["user_id"], hash_password(new_password))
        self.audit.record(row["user_id"], "password.reset")
        return True
