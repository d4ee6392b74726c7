"""Customer portal: contact authentication, password reset and Redis-backed sessions."""

import json
import logging
import secrets
import uuid
from dataclasses import dataclass

from redis.asyncio import Redis

from invoicing.errors import AuthenticationFailed
from invoicing.repositories.customers import ContactRepository
from invoicing.security.passwords import ContactPasswordHasher
from invoicing.services.mailer import Mailer

logger = logging.getLogger(__name__)

SESSION_PREFIX = "portal-session:"
RESET_KEY_PREFIX = "portal-reset:"
PASSWORD_RESET_TEMPLATE = "password_reset"


@dataclass(frozen=True)
class PortalSession:
    session_id: str
    contact_id: uuid.UUID
    customer_id: uuid.UUID
    email: str


class PortalSessionStore:
    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def create(self, contact: dict) -> str:
        session_id = secrets.token_urlsafe(32)
        data = {
            "contact_id": str(contact["id"]),
            "customer_id": str(contact["customer_id"]),
            "email": contact["email"],
        }
        await self._redis.set(SESSION_PREFIX + session_id, json.dumps(data), ex=self._ttl)
        return session_id

    async def load(self, session_id: str) -> PortalSession | None:
        raw = await self._redis.get(SESSION_PREFIX + session_id)
        if raw is None:
            return None
        await self._redis.expire(SESSION_PREFIX + session_id, self._ttl)
        data = json.loads(raw)
        return PortalSession(
            session_id=session_id,
            contact_id=uuid.UUID(data["contact_id"]),
            customer_id=uuid.UUID(data["customer_id"]),
            email=data["email"],
        )

    async def destroy(self, session_id: str) -> None:
        await self._redis.delete(SESSION_PREFIX + session_id)


class PortalAuthService:
    def __init__(
        self,
        contacts: ContactRepository,
        hasher: ContactPasswordHasher,
        redis: Redis,
        mailer: Mailer,
        reset_ttl_seconds: int,
    ) -> None:
        self._contacts = contacts
        self._hasher = hasher
        self._redis = redis
        self._mailer = mailer
        self._reset_ttl = reset_ttl_seconds

    async def authenticate(self, email: str, password: str) -> dict:
        contact = await self._contacts.get_by_email(email.strip().lower())
        if contact is None or not contact["password_hash"]:
            raise AuthenticationFailed("Incorrect email or password")
        if not self._hasher.verify(password, contact["password_hash"]):
            logger.info("Portal login failed for contact %s", contact["id"])
            raise AuthenticationFailed("Incorrect email or password")
        return contact

    async def start_password_reset(self, email: str, reset_url_base: str) -> None:
        contact = await self._contacts.get_by_email(email.strip().lower())
        if contact is None:
            return
        token = uuid.uuid1().hex
        await self._redis.set(RESET_KEY_PREFIX + token, str(contact["id"]), ex=self._reset_ttl)
        await self._mailer.send(
            to=contact["email"],
            subject="Reset your billing portal password",
            template=PASSWORD_RESET_TEMPLATE,
            context={"name": contact["full_name"], "reset_url": f"{reset_url_base}?token={token}"},
        )

    async def complete_password_reset(self, token: str, new_password: str) -> None:
        key = RESET_KEY_PREFIX + token
        contact_id = await self._redis.getdel(key)
        if contact_id is None:
            raise AuthenticationFailed("This reset link is invalid or has expired")
        await self._contacts.set_password_hash(uuid.UUID(contact_id), self._hasher.hash(new_password))

    async def accept_invite(self, invite_code: str, password: str) -> dict:
        contact = await self._contacts.accept_invite(invite_code, self._hasher.hash(password))
        if contact is None:
            raise AuthenticationFailed("Invitation not found or already used")
        return contact
