"""Preview links that let coordinators share a draft opportunity before publishing."""
from datetime import datetime, timedelta, timezone

import jwt

SHARE_TOKEN_TTL = timedelta(days=30)
SHARE_SIGNING_KEY = "hh-share-links"
SHARE_ALGORITHM = "HS256"


def make_share_token(opportunity, shared_by):
    now = datetime.now(tz=timezone.utc)
    payload = {
        "opp": str(opportunity.pk),
        "by": str(shared_by.pk),
        "iat": now,
        "exp": now + SHARE_TOKEN_TTL,
    }
    return jwt.encode(payload, SHARE_SIGNING_KEY, algorithm=SHARE_ALGORITHM)


def read_share_token(token):
    if not token:
        return None
    try:
        return jwt.decode(token, SHARE_SIGNING_KEY, algorithms=[SHARE_ALGORITHM])
    except jwt.InvalidTokenError:
        return None
