"""Staff users (admin UI + vet app), pet owners and auth bookkeeping."""
from datetime import datetime, timezone

from flask_login import UserMixin
from mongoengine import (
    BooleanField,
    DateTimeField,
    Document,
    EmailField,
    IntField,
    ReferenceField,
    StringField,
)

from ..security.passwords import hash_password, verify_password


def utcnow():
    return datetime.now(timezone.utc)


STAFF_ROLES = ("admin", "manager", "vet", "nurse", "reception")


class StaffUser(UserMixin, Document):
    meta = {"collection": "staff", "indexes": ["clinic", "role"]}

    email = EmailField(required=True, unique=True)
    full_name = StringField(required=True, max_length=120)
    password_hash = StringField()
    role = StringField(choices=STAFF_ROLES, default="vet")
    clinic = ReferenceField("Clinic")
    is_active_flag = BooleanField(default=True)
    token_version = IntField(default=0)
    password_changed_at = DateTimeField()
    last_login_at = DateTimeField()
    created_at = DateTimeField(default=utcnow)

    def set_password(self, raw_password):
        self.password_hash = hash_password(raw_password)
        self.password_changed_at = utcnow()
        # invalidates outstanding invite/reset links
        self.token_version += 1

    def check_password(self, raw_password):
        return verify_password(raw_password, self.password_hash)

    @property
    def is_active(self):
        return self.is_active_flag

    @property
    def is_admin(self):
        return self.role in ("admin", "manager")

    def get_id(self):
        return str(self.id)

    def __repr__(self):
        return f"<StaffUser {self.email} ({self.role})>"


class Owner(Document):
    meta = {"collection": "owners", "indexes": ["last_name", "preferred_clinic"]}

    email = EmailField(required=True, unique=True)
    first_name = StringField(required=True, max_length=80)
    last_name = StringField(required=True, max_length=80)
    phone = StringField(max_length=32)
    password_hash = StringField()
    email_verified = BooleanField(default=False)
    marketing_opt_in = BooleanField(default=False)
    preferred_clinic = ReferenceField("Clinic")
    created_at = DateTimeField(default=utcnow)

    @property
    def display_name(self):
        return f"{self.first_name} {self.last_name}"

    def set_password(self, raw_password):
        self.password_hash = hash_password(raw_password)

    def check_password(self, raw_password):
        return verify_password(raw_password, self.password_hash)


class TokenBlocklist(Document):
    """Revoked JWTs, kept until they would have expired anyway."""

    meta = {
        "collection": "token_blocklist",
        "indexes": ["jti", {"fields": ["expires_at"], "expireAfterSeconds": 0}],
    }

    jti = StringField(required=True, unique=True)
    token_type = StringField(choices=("access", "refresh"))
    subject = StringField()
    revoked_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField(required=True)


class ResetCode(Document):
    meta = {
        "collection": "owner_reset_codes",
        "indexes": ["owner", {"fields": ["expires_at"], "expireAfterSeconds": 0}],
    }

    owner = ReferenceField(Owner, required=True)
    code = StringField(required=True)
    attempts = IntField(default=0)
    expires_at = DateTimeField(required=True)
    used_at = DateTimeField()

    @property
    def is_usable(self):
        expires = self.expires_at
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=timezone.utc)
        return self.used_at is None and expires > utcnow()
