from datetime import datetime, timezone

import mongoengine as me
from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

ROLES = ("viewer", "coordinator", "admin")


def utcnow():
    return datetime.now(timezone.utc)


class User(UserMixin, me.Document):
    meta = {"collection": "users", "indexes": ["email", "organisation"]}

    email = me.EmailField(required=True, unique=True)
    full_name = me.StringField(max_length=120)
    organisation = me.StringField(max_length=120)
    role = me.StringField(choices=ROLES, default="viewer")
    password_hash = me.StringField(required=True)
    password_changed_at = me.DateTimeField(default=utcnow)
    confirmed = me.BooleanField(default=False)
    confirmed_at = me.DateTimeField()
    active = me.BooleanField(default=True)
    created_at = me.DateTimeField(default=utcnow)
    last_login_at = me.DateTimeField()

    def set_password(self, password):
        self.password_hash = generate_password_hash(password, method="pbkdf2:sha256:50000")
        self.password_changed_at = utcnow()

    def check_password(self, password):
        if not self.password_hash:
            return False
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self):
        return self.active

    @property
    def is_coordinator(self):
        return self.role in ("coordinator", "admin")

    def get_id(self):
        return str(self.id)

    def __repr__(self):
        return f"<User {self.email}>"


class RevokedToken(me.Document):
    """Refresh-token ids that have been rotated or logged out."""

    meta = {
        "collection": "revoked_tokens",
        "indexes": ["jti", {"fields": ["expires_at"], "expireAfterSeconds": 0}],
    }

    jti = me.StringField(required=True, unique=True)
    user_id = me.StringField()
    expires_at = me.DateTimeField(required=True)
