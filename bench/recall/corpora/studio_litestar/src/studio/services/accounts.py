"""Client records and their portal accounts: search, invites, sign-in and password resets."""

from __future__ import annotations

import hmac
import logging
import random
import secrets
import string
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from advanced_alchemy.service import SQLAlchemyAsyncRepositoryService

from studio.config.settings import get_settings
from studio.db import raw
from studio.db.models import Client
from studio.db.repositories import ClientRepository
from studio.security.passwords import hash_password, validate_password, verify_password
from studio.services.mailer import Mailer

logger = logging.getLogger(__name__)

INVITE_TTL = timedelta(days=14)
MAX_RESET_ATTEMPTS = 5


class AccountError(Exception):
    """Raised with a message that is safe to show to the client."""


def _numeric_code(length: int = 6) -> str:
    return "".join(random.choice(string.digits) for _ in range(length))


def _utcnow() -> datetime:
    return datetime.now(tz=UTC)


class ClientService(SQLAlchemyAsyncRepositoryService[Client]):
    repository_type = ClientRepository

    async def search(self, studio_id: UUID, term: str) -> list[dict[str, Any]]:
        term = term.strip()
        if len(term) < 2:
            return []
        return await raw.search_clients(self.repository.session, studio_id, term)

    async def by_email(self, studio_id: UUID, email: str) -> Client | None:
        return await self.get_one_or_none(studio_id=studio_id, email=email.strip().lower())


class PortalAccountService:
    def __init__(self, clients: ClientService, mailer: Mailer) -> None:
        self.clients = clients
        self.mailer = mailer
        self.settings = get_settings()

    # -- invites / registration -------------------------------------------------

    async def create_invite(self, client: Client) -> str:
        client.invite_token = secrets.token_urlsafe(32)
        client.invite_expires_at = _utcnow() + INVITE_TTL
        await self.clients.update(client, auto_commit=True)
        link = f"{self.settings.app.base_url}/portal/register?invite={client.invite_token}"
        await self.mailer.send_template(
            to=client.email,
            subject="Your client gallery is ready to set up",
            template="portal_invite.html",
            context={"client": client, "link": link},
        )
        return link

    async def accept_invite(self, token: str, password: str) -> Client:
        client = await self.clients.get_one_or_none(invite_token=token)
        if client is None or client.invite_expires_at is None or client.invite_expires_at < _utcnow():
            raise AccountError("This invitation link is no longer valid.")
        validate_password(password)
        client.portal_password_hash = hash_password(password)
        client.invite_token = None
        client.invite_expires_at = None
        return await self.clients.update(client, auto_commit=True)

    # -- sign in ---------------------------------------------------------------

    async def authenticate(self, studio_id: UUID, email: str, password: str) -> Client | None:
        client = await self.clients.by_email(studio_id, email)
        if client is None or not verify_password(client.portal_password_hash, password):
            logger.info("portal sign-in failed for studio=%s", studio_id)
            return None
        return client

    # -- password reset ----------------------------------------------------------

    async def start_password_reset(self, studio_id: UUID, email: str) -> None:
        client = await self.clients.by_email(studio_id, email)
        if client is None or client.portal_password_hash is None:
            # don't reveal whether the address has an account
            return
        code = _numeric_code()
        ttl = timedelta(minutes=self.settings.security.reset_code_ttl_minutes)
        client.reset_code = code
        client.reset_expires_at = _utcnow() + ttl
        client.reset_attempts = 0
        await self.clients.update(client, auto_commit=True)
        await self.mailer.send_template(
            to=client.email,
            subject="Your password reset code",
            template="reset_code.html",
            context={"client": client, "code": code, "minutes": int(ttl.total_seconds() // 60)},
        )

    async def complete_password_reset(self, studio_id: UUID, email: str, code: str, new_password: str) -> Client:
        client = await self.clients.by_email(studio_id, email)
        if client is None or not client.reset_code or client.reset_expires_at is None:
            raise AccountError("That code is invalid or has expired.")
        if client.reset_expires_at < _utcnow() or client.reset_attempts >= MAX_RESET_ATTEMPTS:
            client.reset_code = None
            await self.clients.update(client, auto_commit=True)
            raise AccountError("That code is invalid or has expired.")
        if not hmac.compare_digest(client.reset_code, code.strip()):
            client.reset_attempts += 1
            await self.clients.update(client, auto_commit=True)
            raise AccountError("That code is invalid or has expired.")
        validate_password(new_password)
        client.portal_password_hash = hash_password(new_password)
        client.reset_code = None
        client.reset_expires_at = None
        client.reset_attempts = 0
        return await self.clients.update(client, auto_commit=True)
