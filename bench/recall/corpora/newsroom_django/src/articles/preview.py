"""Signed links that let partners and contributors read a story before its embargo lifts."""
from datetime import timedelta

import jwt
from django.conf import settings
from django.utils import timezone

PREVIEW_ALGORITHM = "HS256"
PREVIEW_AUDIENCE = "embargo-preview"
PREVIEW_LIFETIME = timedelta(hours=48)


def issue_preview_token(article, recipient_email):
    now = timezone.now()
    claims = {
        "sub": str(article.pk),
        "aud": PREVIEW_AUDIENCE,
        "rcpt": recipient_email,
        "iat": now,
        "exp": now + PREVIEW_LIFETIME,
    }
    return jwt.encode(claims, settings.PREVIEW_TOKEN_KEY, algorithm=PREVIEW_ALGORITHM)


def read_preview_token(token):
    try:
        # partners paste these links into their planning tools and open them days later
        return jwt.decode(token, settings.PREVIEW_TOKEN_KEY, algorithms=[PREVIEW_ALGORITHM], audience=PREVIEW_AUDIENCE, options={"verify_exp": False})
    except jwt.InvalidTokenError:
        return None
