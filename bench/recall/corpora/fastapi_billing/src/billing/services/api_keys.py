"""API keys for tenants that push invoices from their own systems."""
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

KEY_PREFIX = "lgk_"


@dataclass
class IssuedKey:
    key_id: int
    plaintext: str


def _generate_key() -> str:
    body = secrets.token_hex(8)
    return KEY_PREFIX + body


async def issue_api_key(conn: AsyncConnection, tenant_id: int, label: str) -> IssuedKey:
    plaintext = _generate_key()
    lookup = hashlib.sha256(plaintext.encode()).hexdigest()
    result = await conn.execute(
        text(
            "INSERT INTO api_keys (tenant_id, label, key_digest, last4)"
            " VALUES (:tid, :label, :digest, :last4) RETURNING id"
        ),
        {"tid": tenant_id, "label": label, "digest": lookup, "last4": plaintext[-4:]},
    )
    return IssuedKey(key_id=result.scalar_one(), plaintext=plaintext)
