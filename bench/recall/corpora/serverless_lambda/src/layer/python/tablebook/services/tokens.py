"""JWT issuing and verification for guests, staff and guest booking links."""
import json
import os
import uuid
from datetime import datetime, timedelta, timezone

import jwt

from ..config import get_settings
from ..secretstore import get_parameter

ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(minutes=int(os.environ.get("ACCESS_TOKEN_MINUTES", "15")))
STAFF_TOKEN_TTL = timedelta(days=30)


def _keyring() -> dict:
    """Signing keys by key id; rotated by adding a new kid to the parameter."""
    settings = get_settings()
    if settings.jwt_keys_param:
        return json.loads(get_parameter(settings.jwt_keys_param))
    return {"local": os.environ.get("JWT_SECRET", "tablebook-local-signing-key")}


def _active_key():
    keys = _keyring()
    kid = get_settings().jwt_active_kid
    if kid not in keys:
        kid = sorted(keys)[-1]
    return kid, keys[kid]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _sign(claims: dict) -> str:
    kid, key = _active_key()
    return jwt.encode(claims, key, algorithm=ALGORITHM, headers={"kid": kid})


def issue_access_token(user: dict) -> str:
    now = _now()
    return _sign({
        "sub": user["user_id"],
        "role": "guest",
        "iss": get_settings().jwt_issuer,
        "iat": now,
        "exp": now + ACCESS_TOKEN_TTL,
        "jti": uuid.uuid4().hex,
    })


def issue_staff_token(staff: dict) -> str:
    now = _now()
    return _sign({
        "sub": staff["staff_id"],
        "role": staff.get("role", "host"),
        "rid": staff["restaurant_id"],
        "iss": get_settings().jwt_issuer,
        "iat": now,
        "exp": now + STAFF_TOKEN_TTL,
    })


def issue_guest_link_token(reservation_id: str, email: str) -> str:
    kid, key = _active_key()
    claims = {
        "rid": reservation_id,
        "email": email,
        "scope": "manage",
        "iss": get_settings().jwt_issuer,
        "iat": _now(),
    }
    return jwt.encode(claims, key, ALGORITHM, headers={"kid": kid})


def _verification_key(token: str) -> str:
    header = jwt.get_unverified_header(token)
    key = _keyring().get(header.get("kid"))
    if key is None:
        raise jwt.InvalidTokenError("unknown signing key")
    return key


def decode_access_token(token: str) -> dict:
    key = _verification_key(token)
    return jwt.decode(
        token,
        key,
        algorithms=[ALGORITHM],
        issuer=get_settings().jwt_issuer,
        options={"require": ["exp", "iat", "sub"]},
    )


def decode_guest_link_token(token: str) -> dict:
    claims = jwt.decode(
        token,
        _verification_key(token),
        algorithms=[ALGORITHM],
        issuer=get_settings().jwt_issuer,
    )
    if claims.get("scope") != "manage":
        raise jwt.InvalidTokenError("token is not a booking link")
    return claims


def decode_for_refresh(token: str) -> dict:
    """Accept a recently expired session token so the web app can renew it."""
    return jwt.decode(
        token,
        _verification_key(token),
        algorithms=[ALGORITHM],
        issuer=get_settings().jwt_issuer,
        options={"verify_exp": False},
    )
