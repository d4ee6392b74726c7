from ninja import ModelSchema, Schema
from pydantic import EmailStr, Field

from .models import User


class LoginIn(Schema):
    username: str
    password: str


class TokenPairOut(Schema):
    access: str
    refresh: str
    expires_in: int


class RefreshIn(Schema):
    refresh: str


class RegisterIn(Schema):
    username: str = Field(min_length=3, max_length=40)
    email: EmailStr
    password: str = Field(min_length=10)
    first_name: str = Field(max_length=80)
    last_name: str = Field(max_length=80)


class AcceptInvitationIn(Schema):
    token: str
    username: str = Field(min_length=3, max_length=40)
    password: str = Field(min_length=10)


class PasswordResetIn(Schema):
    email: EmailStr


class PasswordResetConfirmIn(Schema):
    token: str
    new_password: str = Field(min_length=10)


class PhoneIn(Schema):
    phone: str = Field(pattern=r"^\+[1-9]\d{7,14}$")


class PhoneCodeIn(Schema):
    code: str = Field(min_length=6, max_length=6)


class MeOut(ModelSchema):
    class Meta:
        model = User
        fields = ["id", "username", "email", "first_name", "last_name", "kind", "phone", "phone_verified_at"]


class Message(Schema):
    detail: str
