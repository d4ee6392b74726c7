"""Signed links for the public shipment-tracking page."""
import time

import jwt
from flask import current_app

TRACKING_SCOPE = "tracking:read"


def _signing_secret() -> str:
    secret = current_app.config.get("TRACKING_LINK_SECRET")
    if not secret:
        raise RuntimeError("TRACKING_LINK_SECRET is not configured")
    return secret


def issue_tracking_token(shipment) -> str:
    claims = {
        "sub": str(shipment.id),
        "ref": shipment.reference,
        "scope": TRACKING_SCOPE,
        "iat": int(time.time()),
    }
    return jwt.encode(claims, _signing_secret(), algorithm="HS256")


def tracking_url(shipment) -> str:
    base = current_app.config["TRACKING_BASE_URL"].rstrip("/")
    return f"{base}/t/{issue_tracking_token(shipment)}"


def read_tracking_token(token: str) -> int:
    """Return the shipment id carried by a tracking token."""
    claims = jwt.decode(token, _signing_secret(), algorithms=["HS256"])
    if claims.get("scope") != TRACKING_SCOPE:
        raise jwt.InvalidTokenError("unexpected scope")
    return int(claims["sub"])
