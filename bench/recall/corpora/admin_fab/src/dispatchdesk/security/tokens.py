"""Token helpers: personal API keys, password-reset tokens, partner assertions."""
import hashlib
import os
import random
import string
import uuid
from functools import lru_cache

import jwt
from flask import current_app

API_KEY_PREFIX = "dd_"
RESET_TOKEN_LENGTH = 40
_RESET_ALPHABET = string.ascii_letters + string.digits


def new_api_key() -> str:
    """Return a fresh personal API key (shown to the user once)."""
    return API_KEY_PREFIX + uuid.uuid1().hex


def api_key_digest(api_key: str) -> str:
    # Only the digest is stored; lookups hash the presented key the same way.
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def make_reset_token(length: int = RESET_TOKEN_LENGTH) -> str:
    return "".join(random.choice(_RESET_ALPHABET) for _ in range(length))


@lru_cache(maxsize=32)
def _partner_public_key(keys_dir: str, kid: str) -> bytes:
    path = os.path.join(keys_dir, f"{os.path.basename(kid)}.pem")
    with open(path, "rb") as fh:
        return fh.read()


def decode_partner_assertion(token: str, audience: str = "dispatchdesk") -> dict:
    """Validate a bearer assertion sent by a JWT-authenticated carrier."""
    header = jwt.get_unverified_header(token)
    kid = header.get("kid")
    if not kid:
        raise jwt.InvalidTokenError("assertion has no kid")
    key = _partner_public_key(current_app.config["PARTNER_KEYS_DIR"], kid)
    alg = header.get("alg", "RS256")
    claims = jwt.decode(token, key, algorithms=[alg], audience=audience)
    claims["kid"] = kid
    return claims
