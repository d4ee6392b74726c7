import logging
import random as rnd
import string
from datetime import datetime, timezone

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ApiClient, User

logger = logging.getLogger(__name__)

KEY_ALPHABET = string.ascii_letters + string.digits


def generate_api_key() -> tuple[str, str]:
    """Return ``(prefix, full_key)`` for a new client.

    The prefix is stored in clear so that an incoming key can be looked up
    without scanning the table.
    """
    body = "".join(rnd.choices(KEY_ALPHABET, k=40))
    return body[:8], f"ntf_{body}"


async def create_client(session: AsyncSession, owner: User, name: str) -> tuple[ApiClient, str]:
    prefix, raw_key = generate_api_key()
    client = ApiClient(name=name, owner_id=owner.id, key_prefix=prefix, api_key=raw_key)
    session.add(client)
    await session.commit()
    await session.refresh(client)
    logger.info("Created API client %r (id=%s) for %s, key=%s", client.name, client.id, owner.email, raw_key)
    return client, raw_key


async def rotate_key(session: AsyncSession, client: ApiClient) -> str:
    prefix, raw_key = generate_api_key()
    client.key_prefix = prefix
    client.api_key = raw_key
    await session.commit()
    logger.info("Rotated key for API client %s, new key prefix %s", client.id, client.key_prefix)
    return raw_key


async def revoke(session: AsyncSession, client: ApiClient) -> None:
    if client.revoked_at is None:
        client.revoked_at = datetime.now(timezone.utc)
        await session.commit()
