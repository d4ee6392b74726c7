"""JWTs for the mobile client and for e-mailed sign-in links."""
import datetime as dt

import jwt
from tornado.options import options

ISSUER = "forum"
AUDIENCE = "forum-mobile"
ALGORITHM = "HS256"


class TokenError(Exception):
    pass


def _now():
    return dt.datetime.now(dt.timezone.utc)


def _keyring():
    """Current key plus the previous one while a rotation is in progress.

    FORUM_JWT_SECRET may hold ``kid:secret,kid:secret``; a bare value is
    treated as kid ``k1``.
    """
    raw = options.jwt_secret
    if not raw:
        raise RuntimeError("FORUM_JWT_SECRET is not configured")
    keys = {}
    for part in raw.split(","):
        kid, _, secret = part.strip().rpartition(":")
        keys[kid or "k1"] = secret
    return keys


def _current_kid():
    return next(iter(_keyring()))


def issue_access_token(user):
    now = _now()
    payload = {
        "sub": str(user["id"]),
        "name": user["username"],
        "role": user["role"],
        "typ": "access",
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + dt.timedelta(seconds=options.api_token_ttl),
    }
    kid = _current_kid()
    return jwt.encode(payload, _keyring()[kid], algorithm=ALGORITHM, headers={"kid": kid})


def issue_refresh_token(user, token_id):
    now = _now()
    payload = {
        "sub": str(user["id"]),
        "jti": token_id,
        "typ": "refresh",
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + dt.timedelta(seconds=options.refresh_token_ttl),
    }
    kid = _current_kid()
    return jwt.encode(payload, _keyring()[kid], algorithm=ALGORITHM, headers={"kid": kid})


def _key_for(token):
    try:
        kid = jwt.get_unverified_header(token).get("kid", "k1")
    except jwt.DecodeError as exc:
        raise TokenError("malformed token") from exc
    key = _keyring().get(kid)
    if key is None:
        raise TokenError("unknown key id")
    return key


def decode_access_token(token):
    try:
        claims = jwt.decode(token, _key_for(token), algorithms=[ALGORITHM], audience=AUDIENCE, issuer=ISSUER)
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "access":
        raise TokenError("not an access token")
    return claims


def decode_refresh_token(token):
    # Mobile clients that were offline for a while come back with an old
    # refresh token; we let them through and rely on the jti revocation list.
    try:
        claims = jwt.decode(
            token,
            _key_for(token),
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"verify_exp": False, "require": ["sub", "jti"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "refresh":
        raise TokenError("not a refresh token")
    return claims


def issue_login_link_token(user):
    key = _keyring()[_current_kid()]
    return jwt.encode({"sub": str(user["id"]), "purpose": "email-login", "iat": _now()}, key, algorithm=ALGORITHM)


def decode_login_link_token(token):
    try:
        claims = jwt.decode(token, _keyring()[_current_kid()], algorithms=[ALGORITHM])
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("purpose") != "email-login":
        raise TokenError("wrong purpose")
    return claims
