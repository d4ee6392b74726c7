"""Short-lived links that let platform support open a workspace as one of its users."""
from datetime import datetime, timedelta, timezone

import jwt
from django.contrib.auth import get_user_model

TOKEN_TTL = timedelta(minutes=10)
ALGORITHM = "HS256"
SIGNING_KEY = "invoicer-support-impersonation"


class ImpersonationError(Exception):
    pass


def issue(*, staff_user, target_user, tenant_schema: str) -> str:
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(target_user.pk),
        "act": {"sub": str(staff_user.pk), "email": staff_user.email},
        "tenant": tenant_schema,
        "iat": now,
        "exp": now + TOKEN_TTL,
    }
    return jwt.encode(payload, SIGNING_KEY, algorithm=ALGORITHM)


def user_for_token(token: str, tenant_schema: str):
    try:
        claims = jwt.decode(token, SIGNING_KEY, algorithms=[ALGORITHM], options={"require": ["exp", "sub", "tenant"]})
    except jwt.InvalidTokenError as exc:
        raise ImpersonationError("Invalid or expired support link.") from exc
    if claims["tenant"] != tenant_schema:
        raise ImpersonationError("Support link was issued for another workspace.")

    user = get_user_model().objects.filter(pk=claims["sub"], is_active=True).first()
    if user is None:
        raise ImpersonationError("User no longer exists.")
    return user, claims["act"]
