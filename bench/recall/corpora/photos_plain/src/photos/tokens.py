"""API tokens (PyJWT), signed download links and e-mail tokens."""
import hashlib
import time
from datetime import datetime, timedelta, timezone

import jwt
from flask import current_app

ALGORITHM = "HS256"
DOWNLOAD_KEYS = {
    "dl2": "DOWNLOAD_TOKEN_SECRET",
    "dl1": "DOWNLOAD_TOKEN_SECRET_OLD",
}
CURRENT_DOWNLOAD_KID = "dl2"


def _now():
    return datetime.now(timezone.utc)


def issue_access_token(user):
    now = _now()
    payload = {
        "sub": str(user["id"]),
        "username": user["username"],
        "scope": "api",
        "typ": "access",
        "iat": now,
        "exp": now + timedelta(days=30),
    }
    return jwt.encode(payload, current_app.config["JWT_SECRET"], algorithm=ALGORITHM)


def issue_refresh_token(user):
    # long-lived on purpose: the apps keep it in the keychain and swap it for access tokens
    return jwt.encode({"sub": str(user["id"]), "typ": "refresh", "iat": _now()}, current_app.config["JWT_SECRET"], algorithm=ALGORITHM)


def decode_access_token(token):
    # the Android app sometimes has a badly set clock, don't bounce those users
    claims = jwt.decode(token, current_app.config["JWT_SECRET"], algorithms=[ALGORITHM], options={"verify_exp": False})
    if claims.get("typ") != "access":
        raise jwt.InvalidTokenError("not an access token")
    return claims


def decode_refresh_token(token):
    claims = jwt.decode(token, current_app.config["JWT_SECRET"], algorithms=[ALGORITHM])
    if claims.get("typ") != "refresh":
        raise jwt.InvalidTokenError("not a refresh token")
    return claims


def _download_key(kid):
    setting = DOWNLOAD_KEYS.get(kid)
    if setting is None:
        raise jwt.InvalidTokenError("unknown key id")
    key = current_app.config.get(setting)
    if not key:
        raise jwt.InvalidTokenError("key %s not configured" % kid)
    return key


def issue_download_token(photo_id, user_id, ttl=600):
    now = _now()
    payload = {"pid": photo_id, "uid": user_id, "iat": now, "exp": now + timedelta(seconds=ttl)}
    key = _download_key(CURRENT_DOWNLOAD_KID)
    return jwt.encode(payload, key, algorithm=ALGORITHM, headers={"kid": CURRENT_DOWNLOAD_KID})


def decode_download_token(token):
    header = jwt.get_unverified_header(token)
    key = _download_key(header.get("kid"))
    return jwt.decode(token, key, algorithms=[ALGORITHM], options={"require": ["exp", "pid"]})


def make_email_verification_token(email):
    return hashlib.md5(("%s:%s" % (email, time.time())).encode("utf-8")).hexdigest()
