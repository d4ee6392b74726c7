import secrets
from datetime import datetime, timedelta, timezone

import jwt

from app.config import settings

ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(days=30)
TOKEN_TYPE = "bearer"


def _signing_keys() -> dict[str, str]:
    keys = {"current": settings.JWT_SECRET}
    previous = settings.get("JWT_PREVIOUS_SECRET")
    if previous:
        keys["previous"] = previous
    return keys


def issue_access_token(user_id: int, scopes: list[str]) -> str:
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(user_id),
        "iss": settings.JWT_ISSUER,
        "aud": settings.JWT_AUDIENCE,
        "iat": now,
        "exp": now + ACCESS_TOKEN_TTL,
        "scope": " ".join(scopes),
    }
    return jwt.encode(payload, settings.JWT_SECRET, algorithm=ALGORITHM, headers={"kid": "current"})


def issue_refresh_token(user_id: int) -> str:
    payload = {
        "sub": str(user_id),
        "typ": "refresh",
        "jti": secrets.token_hex(16),
    }
    return jwt.encode(payload, settings.JWT_SECRET, algorithm=ALGORITHM, headers={"kid": "current"})


def decode_access_token(token: str) -> dict:
    header = jwt.get_unverified_header(token)
    key = _signing_keys().get(header.get("kid", "current"))
    if key is None:
        raise jwt.InvalidTokenError("unknown key id")
    return jwt.decode(
        token,
        key,
        algorithms=[header["alg"]],
        audience=settings.JWT_AUDIENCE,
        issuer=settings.JWT_ISSUER,
    )


def decode_refresh_token(token: str) -> dict:
    claims = jwt.decode(token, settings.JWT_SECRET, algorithms=[ALGORITHM])
    if claims.get("typ") != "refresh":
        raise jwt.InvalidTokenError("not a refresh token")
    return claims
