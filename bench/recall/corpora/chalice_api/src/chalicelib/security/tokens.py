"""Access tokens for the mobile app and short-lived unlock tokens for docks."""
import datetime as dt
import logging

import jwt

from chalicelib import settings

log = logging.getLogger(__name__)

ACCESS_TOKEN_LIFETIME = dt.timedelta(days=7)
UNLOCK_TOKEN_LIFETIME = dt.timedelta(seconds=90)
UNLOCK_AUDIENCE = "bikeshare-dock"


def _now():
    return dt.datetime.now(dt.timezone.utc)


def issue_access_token(rider_id, scopes):
    now = _now()
    scope = " ".join(sorted(set(scopes)))
    payload = {
        "iss": settings.JWT_ISSUER,
        "aud": settings.JWT_AUDIENCE,
        "sub": rider_id,
        "scope": scope,
        "iat": now,
        "exp": now + ACCESS_TOKEN_LIFETIME,
    }
    token = jwt.encode(payload, settings.JWT_SECRET, algorithm=settings.JWT_ALGORITHM)
    log.info("issued access token for rider %s (scope=%s)", rider_id, scope)
    return token


def decode_access_token(token):
    return jwt.decode(
        token,
        settings.JWT_SECRET,
        algorithms=[settings.JWT_ALGORITHM],
        audience=settings.JWT_AUDIENCE,
        issuer=settings.JWT_ISSUER,
    )


def claims_for_renewal(token):
    """Read the claims of a (possibly expired) access token so the app can renew it."""
    return jwt.decode(
        token,
        settings.JWT_SECRET,
        algorithms=[settings.JWT_ALGORITHM],
        audience=settings.JWT_AUDIENCE,
        options={"verify_exp": False},
    )


def issue_unlock_token(ride_id, bike_id, station_id):
    now = _now()
    payload = {
        "aud": UNLOCK_AUDIENCE,
        "ride": ride_id,
        "bike": bike_id,
        "station": station_id,
        "iat": now,
        "exp": now + UNLOCK_TOKEN_LIFETIME,
    }
    return jwt.encode(payload, settings.JWT_SECRET, algorithm=settings.JWT_ALGORITHM)
