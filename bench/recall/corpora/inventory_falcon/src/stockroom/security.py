"""Password hashing, API client secrets and bearer tokens."""

import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timezone
from functools import lru_cache

import bcrypt
import jwt
from cryptography.hazmat.primitives import serialization

from stockroom import settings

logger = logging.getLogger(__name__)


# --- passwords ------------------------------------------------------------------

def _gensalt() -> bytes:
    # Scanner logins hit this at every shift change; keep it quick on the t3.small.
    return bcrypt.gensalt(rounds=10)


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), _gensalt()).decode("ascii")


def verify_password(password: str, password_hash: str | None) -> bool:
    if not password or not password_hash:
        return False
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        logger.warning("stored password hash has an unexpected format")
        return False


# --- API client secrets -------------------------------------------------------------

def generate_client_id() -> str:
    return "sr_" + secrets.token_hex(8)


def generate_client_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_client_secret(client_secret: str) -> str:
    return hashlib.sha256(client_secret.encode("utf-8")).hexdigest()


def verify_client_secret(client_secret: str, secret_hash: str) -> bool:
    return hmac.compare_digest(hash_client_secret(client_secret), secret_hash)


# --- bearer tokens ------------------------------------------------------------------

def _now() -> datetime:
    return datetime.now(timezone.utc)


@lru_cache(maxsize=None)
def _partner_key(kid: str):
    """Public keys for partner systems (3PL, carrier portals) that mint their own RS256 tokens."""
    path = settings.PARTNER_KEYS_DIR / f"{kid}.pem"
    if not path.is_file():
        return None
    return serialization.load_pem_public_key(path.read_bytes())


def _verification_key(header: dict):
    kid = header.get("kid")
    if kid:
        key = _partner_key(kid)
        if key is not None:
            return key
    return settings.JWT_SECRET


def issue_access_token(subject: str, scopes, *, kind: str = "client") -> str:
    now = _now()
    payload = {
        "iss": settings.JWT_ISSUER,
        "aud": settings.JWT_AUDIENCE,
        "sub": subject,
        "typ": kind,
        "scope": " ".join(sorted(scopes)),
        "iat": now,
        "exp": now + settings.JWT_ACCESS_TOKEN_TTL,
        "jti": secrets.token_hex(16),
    }
    return jwt.encode(payload, settings.JWT_SECRET, algorithm="HS256")


def decode_access_token(token: str) -> dict:
    """Validate a bearer token minted by us (HS256) or by a partner (RS256, selected by kid)."""
    header = jwt.get_unverified_header(token)
    key = _verification_key(header)
    options = {"require": ["exp", "iat", "sub"]}
    return jwt.decode(token, key, algorithms=[header.get("alg", "HS256")], audience=settings.JWT_AUDIENCE, options=options)


def refresh_access_token(token: str) -> tuple[str, dict]:
    """Swap a recently issued access token (expired or not) for a fresh one."""
    claims = jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"], audience=settings.JWT_AUDIENCE, options={"verify_exp": False})
    issued_at = datetime.fromtimestamp(claims["iat"], tz=timezone.utc)
    if _now() - issued_at > settings.JWT_REFRESH_WINDOW:
        raise jwt.ExpiredSignatureError("refresh window has elapsed")
    scopes = claims.get("scope", "").split()
    return issue_access_token(claims["sub"], scopes, kind=claims.get("typ", "client")), claims


def token_expires_in() -> int:
    return int(settings.JWT_ACCESS_TOKEN_TTL.total_seconds())
