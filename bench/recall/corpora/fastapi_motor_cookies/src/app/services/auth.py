"""Authentication: checking credentials and issuing session tokens."""
import logging

from app.repositories.users import UserRepository
from app.security.passwords import hash_password, needs_rehash, verify_password
from app.security.tokens import (
    REFRESH_TOKEN_TYPE,
    TokenError,
    create_access_token,
    create_refresh_token,
    decode_token,
)

logger = logging.getLogger("gather.auth")

# Verified against when the e-mail is unknown so both paths cost one bcrypt check.
_TIMING_DUMMY_HASH = hash_password("timing-equaliser")


class AuthService:
    def __init__(self, users: UserRepository):
        self.users = users

    async def authenticate(self, email: str, password: str) -> dict | None:
        user = await self.users.get_by_email(email)
        if user is None or not user.get("is_active", True):
            verify_password(password, _TIMING_DUMMY_HASH)
            return None
        if not verify_password(password, user["password_hash"]):
            logger.info("failed login for user %s", user["_id"])
            return None
        if needs_rehash(user["password_hash"]):
            await self.users.set_password_hash(user["_id"], hash_password(password))
        return user

    def issue_session(self, user: dict, token_type: str = "cookie") -> tuple[str, str]:
        user_id = str(user["_id"])
        access_token = create_access_token(user_id, user.get("role", "member"))
        refresh_token = create_refresh_token(user_id)
        logger.info("issued %s session tokens for user %s", token_type, user_id)
        return access_token, refresh_token

    async def user_from_refresh_token(self, token: str) -> dict | None:
        try:
            claims = decode_token(token, REFRESH_TOKEN_TYPE)
        except TokenError:
            return None
        user = await self.users.get_by_id(claims["sub"])
        if user is None or not user.get("is_active", True):
            return None
        return user
