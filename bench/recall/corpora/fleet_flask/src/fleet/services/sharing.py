"""Public trip-tracking links sent to customers ("where is my delivery")."""
from datetime import datetime, timezone

import jwt
from flask import current_app

SHARE_ALG = "HS256"


def _key():
    return current_app.config["SECRET_KEY"]


def make_share_token(trip):
    payload = {
        "sub": f"trip:{trip.id}",
        "ref": trip.customer_ref,
        "iat": datetime.now(tz=timezone.utc),
    }
    return jwt.encode(payload, _key(), algorithm=SHARE_ALG)


def share_url(trip):
    return current_app.config["SHARE_LINK_BASE"] + make_share_token(trip)


def read_share_token(token):
    try:
        claims = jwt.decode(token, _key(), algorithms=[SHARE_ALG])
    except jwt.InvalidTokenError:
        return None
    sub = claims.get("sub", "")
    if not sub.startswith("trip:"):
        return None
    return int(sub.split(":", 1)[1])
