from pydantic import BaseModel, EmailStr, Field


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int


class RefreshRequest(BaseModel):
    refresh_token: str


class PasswordResetRequest(BaseModel):
    email: EmailStr


class AcceptInvite(BaseModel):
    full_name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=10, max_length=128)


class InviteCreate(BaseModel):
    email: EmailStr
    role: str = Field(default="viewer", pattern="^(admin|viewer)$")


class Me(BaseModel):
    id: int
    email: EmailStr
    full_name: str | None
    is_superuser: bool
