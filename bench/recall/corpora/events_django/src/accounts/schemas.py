from ninja import ModelSchema, Schema
from pydantic import EmailStr, Field

from .models import User


class TokenIn(Schema):
    username: str
    password: str


class RefreshIn(Schema):
    refresh: str


class TokenPairOut(Schema):
    access: str
    refresh: str
    token_type: str = "bearer"
    expires_in: int


class AccessOut(Schema):
    access: str
    token_type: str = "bearer"
    expires_in: int


class ErrorOut(Schema):
    detail: str


class UserOut(ModelSchema):
    class Meta:
        model = User
        fields = ["id", "username", "email", "first_name", "last_name", "is_organizer", "email_verified"]


class StaffIn(Schema):
    username: str = Field(min_length=3, max_length=150)
    email: EmailStr
    password: str = Field(min_length=10)
    first_name: str = ""
    last_name: str = ""
    organizer: bool = False
