"""Authentication for tenant staff (JSON API)."""

import logging
from uuid import UUID

from redis.asyncio import Redis

from invoicing.errors import AuthenticationFailed, Conflict
from invoicing.repositories.audit import AuditRepository
from invoicing.repositories.users import UserRepository
from invoicing.security.passwords import MIN_PASSWORD_LENGTH, hash_password, verify_password
from invoicing.security.tokens import TokenPair, TokenService

logger = logging.getLogger(__name__)

REVOKED_PREFIX = "revoked-refresh:"


class AuthService:
    def __init__(
        self,
        users: UserRepository,
        audit: AuditRepository,
        tokens: TokenService,
        redis: Redis,
        refresh_ttl_days: int,
    ) -> None:
        self._users = users
        self._audit = audit
        self._tokens = tokens
        self._redis = redis
        self._revocation_ttl = refresh_ttl_days * 86400

    async def login(self, email: str, password: str) -> TokenPair:
        user = await self._users.get_by_email(email.strip().lower())
        if user is None or not user["is_active"] or not verify_password(password, user["password_hash"]):
            logger.warning("Failed staff login for %s", email)
            raise AuthenticationFailed("Incorrect email or password")
        pair = self._tokens.issue_pair(user["id"], user["tenant_id"], user["role"])
        logger.info("Issued tokens", extra={"user_id": str(user["id"]), "token_type": pair.token_type})
        return pair

    async def register(self, company: str, email: str, full_name: str, password: str) -> dict:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise Conflict(f"Password must be at least {MIN_PASSWORD_LENGTH} characters")
        email = email.strip().lower()
        if await self._users.get_by_email(email):
            raise Conflict("An account with this email already exists")
        user = await self._users.create_with_tenant(company, email, full_name, hash_password(password))
        await self._audit.record(user["tenant_id"], email, "tenant.created", f"Tenant {company} created")
        return user

    async def refresh(self, refresh_token: str) -> TokenPair:
        claims = self._tokens.decode_refresh(refresh_token)
        if await self._redis.exists(REVOKED_PREFIX + claims["jti"]):
            raise AuthenticationFailed("Refresh token has been revoked")
        user = await self._users.get(UUID(claims["sub"]))
        if user is None or not user["is_active"]:
            raise AuthenticationFailed("User is no longer active")
        await self._redis.set(REVOKED_PREFIX + claims["jti"], "1", ex=self._revocation_ttl)
        pair = self._tokens.issue_pair(user["id"], user["tenant_id"], user["role"])
        logger.debug("Rotated refresh token for user %s: %s", user["id"], pair.refresh_token)
        return pair

    async def logout(self, refresh_token: str) -> None:
        claims = self._tokens.decode_refresh(refresh_token)
        await self._redis.set(REVOKED_PREFIX + claims["jti"], "1", ex=self._revocation_ttl)
