"""Issuing and checking the API's JSON Web Tokens (PyJWT)."""
import datetime as dt
import uuid

import jwt

from .. import settings

# Signing keys by key id, so a new key can be introduced before the old one
# is retired.  Only the current key is used to sign.
SIGNING_KEYS = {"2024-05": settings.JWT_SECRET_KEY}
CURRENT_KID = "2024-05"


def _now():
    return dt.datetime.now(dt.timezone.utc)


def _sign(claims):
    return jwt.encode(
        claims,
        SIGNING_KEYS[CURRENT_KID],
        algorithm=settings.JWT_ALGORITHM,
        headers={"kid": CURRENT_KID},
    )


def issue_access_token(user):
    now = _now()
    return _sign({
        "iss": settings.JWT_ISSUER,
        "sub": str(user["id"]),
        "role": user["role"],
        "typ": "access",
        "iat": now,
        "exp": now + settings.ACCESS_TOKEN_TTL,
    })


def issue_refresh_token(user):
    now = _now()
    return _sign({
        "iss": settings.JWT_ISSUER,
        "sub": str(user["id"]),
        "typ": "refresh",
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": now + settings.REFRESH_TOKEN_TTL,
    })


def issue_device_token(device_id, scopes):
    claims = {
        "iss": settings.JWT_ISSUER,
        "sub": str(device_id),
        "typ": "device",
        "scope": " ".join(scopes),
        "iat": _now(),
    }
    return jwt.encode(claims, SIGNING_KEYS[CURRENT_KID], algorithm=settings.JWT_ALGORITHM, headers={"kid": CURRENT_KID})


def decode_token(token, expected_type):
    """Verify a token signed by us and check its type claim."""
    kid = jwt.get_unverified_header(token).get("kid", CURRENT_KID)
    key = SIGNING_KEYS.get(kid)
    if key is None:
        raise jwt.InvalidTokenError("unknown signing key")
    claims = jwt.decode(token, key, algorithms=[settings.JWT_ALGORITHM], issuer=settings.JWT_ISSUER)
    if claims.get("typ") != expected_type:
        raise jwt.InvalidTokenError("wrong token type")
    return claims


def decode_refresh_token(token):
    # Battery powered gateways can sleep for longer than the refresh lifetime;
    # they still have to be able to renew their session when they wake up.
    key = SIGNING_KEYS[CURRENT_KID]
    claims = jwt.decode(token, key, algorithms=[settings.JWT_ALGORITHM], options={"verify_exp": False})
    if claims.get("typ") != "refresh":
        raise jwt.InvalidTokenError("not a refresh token")
    return claims
