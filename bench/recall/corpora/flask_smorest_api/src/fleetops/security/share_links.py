"""Signed read-only links to a work order, sent to external body shops."""
from datetime import datetime, timedelta, timezone

import jwt
from flask import current_app

SHARE_AUDIENCE = "fleetops:share"
SHARE_ALGORITHM = "HS256"


def issue_share_token(work_order_id: int) -> str:
    now = datetime.now(timezone.utc)
    ttl = timedelta(hours=current_app.config["SHARE_LINK_TTL_HOURS"])
    payload = {"wo": work_order_id, "aud": SHARE_AUDIENCE, "iat": now, "exp": now + ttl}
    return jwt.encode(payload, current_app.config["SHARE_LINK_SECRET"], algorithm=SHARE_ALGORITHM)


def read_share_token(token: str) -> int:
    claims = jwt.decode(
        token,
        current_app.config["SHARE_LINK_SECRET"],
        algorithms=[SHARE_ALGORITHM],
        audience=SHARE_AUDIENCE,
        options={"require": ["exp", "wo"]},
    )
    return int(claims["wo"])
