from pydantic import BaseModel, EmailStr, Field, model_validator

PASSWORD_MIN = 10


class RegisterIn(BaseModel):
    email: EmailStr
    display_name: str = Field(min_length=2, max_length=80)
    password: str = Field(min_length=PASSWORD_MIN, max_length=128)


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class PasswordResetRequestIn(BaseModel):
    email: EmailStr


class PasswordResetConfirmIn(BaseModel):
    email: EmailStr
    code: str = Field(min_length=6, max_length=6, pattern=r"^\d{6}$")
    new_password: str = Field(min_length=PASSWORD_MIN, max_length=128)
    confirm_password: str

    @model_validator(mode="after")
    def passwords_match(self) -> "PasswordResetConfirmIn":
        if self.new_password != self.confirm_password:
            raise ValueError("passwords do not match")
        return self


class MeOut(BaseModel):
    id: int
    email: EmailStr
    display_name: str
    role: str
    avatar_color: str
    digest_enabled: bool
