import datetime

from flask_login import UserMixin
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField

from ..services.passwords import check_password, hash_password
from .base import BaseModel


class User(UserMixin, BaseModel):
    email = CharField(unique=True, index=True)
    display_name = CharField(max_length=80)
    password_hash = CharField(max_length=128)
    is_admin = BooleanField(default=False)
    is_active_member = BooleanField(default=True)
    email_verified = BooleanField(default=False)
    verification_token = CharField(null=True, index=True)
    reset_code = CharField(null=True)
    reset_code_expires = DateTimeField(null=True)
    failed_logins = IntegerField(default=0)

    class Meta:
        table_name = "users"

    def set_password(self, raw):
        self.password_hash = hash_password(raw)

    def check_password(self, raw):
        return check_password(raw, self.password_hash)

    @property
    def is_active(self):
        return self.is_active_member


class ApiRefreshToken(BaseModel):
    user = ForeignKeyField(User, backref="refresh_tokens", on_delete="CASCADE")
    token_hash = CharField(max_length=64, unique=True)
    device_name = CharField(max_length=80, null=True)
    expires_at = DateTimeField()
    revoked = BooleanField(default=False)

    @property
    def is_valid(self):
        return not self.revoked and self.expires_at > datetime.datetime.utcnow()
