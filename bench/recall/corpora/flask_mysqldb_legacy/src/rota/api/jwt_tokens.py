"""Bearer tokens for the mobile app and the reception kiosks."""
import uuid
from datetime import datetime, timezone

import jwt
from flask import current_app

ISSUER = "clinic-rota"


def _key():
    return current_app.config["JWT_SIGNING_KEY"]


def issue_access_token(user):
    now = datetime.now(timezone.utc)
    payload = {
        "iss": ISSUER,
        "sub": str(user["id"]),
        "role": user["role"],
        "clinic": user["clinic_id"],
        "iat": now,
        "exp": now + current_app.config["API_TOKEN_TTL"],
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(payload, _key(), algorithm="HS256")


def issue_refresh_token(user):
    now = datetime.now(timezone.utc)
    payload = {"iss": ISSUER, "sub": str(user["id"]), "typ": "refresh", "iat": now,
               "exp": now + current_app.config["API_TOKEN_TTL"] * 96}
    return jwt.encode(payload, _key(), algorithm="HS256")


def issue_device_token(device_id, clinic_id):
    payload = {"iss": ISSUER, "sub": f"kiosk:{device_id}", "clinic": clinic_id, "typ": "device"}
    return jwt.encode(payload, _key(), algorithm="HS256")


def decode_access_token(token):
    return jwt.decode(
        token,
        _key(),
        algorithms=["HS256"],
        issuer=ISSUER,
        options={"require": ["exp", "sub"]},
    )


def decode_device_token(token):
    header = jwt.get_unverified_header(token)
    return jwt.decode(token, _key(), algorithms=[header["alg"]], issuer=ISSUER)


def decode_refresh_token(token):
    claims = jwt.decode(
        token,
        _key(),
        algorithms=["HS256"],
        issuer=ISSUER,
        options={"verify_exp": False},
    )
    if claims.get("typ") != "refresh":
        raise jwt.InvalidTokenError("not a refresh token")
    return claims
