from __future__ import annotations

from datetime import datetime
from typing import Annotated

from beanie import Document, Indexed, PydanticObjectId
from pydantic import EmailStr, Field
from pymongo import ASCENDING, IndexModel

from inkwell.utils import utcnow


class User(Document):
    email: Annotated[EmailStr, Indexed(unique=True)]
    display_name: str
    bio: str = ""
    avatar_url: str | None = None
    password_hash: str
    is_active: bool = True
    is_admin: bool = False
    email_verified: bool = False
    email_bounced: bool = False
    # bumped on password change / "log out everywhere" to invalidate access tokens
    token_version: int = 0
    digest_opt_in: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None

    class Settings:
        name = "users"
        use_state_management = True

    def public_profile(self) -> dict[str, str | None]:
        return {
            "id": str(self.id),
            "display_name": self.display_name,
            "bio": self.bio,
            "avatar_url": self.avatar_url,
        }


class RefreshToken(Document):
    user_id: Annotated[PydanticObjectId, Indexed()]
    jti: Annotated[str, Indexed(unique=True)]
    token_hash: str
    user_agent: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = None
    replaced_by: str | None = None

    class Settings:
        name = "refresh_tokens"
        indexes = [IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0)]

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > utcnow()


class PasswordReset(Document):
    user_id: Annotated[PydanticObjectId, Indexed()]
    code_hash: str
    attempts: int = 0
    used: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime

    class Settings:
        name = "password_resets"
        indexes = [IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=3600)]
