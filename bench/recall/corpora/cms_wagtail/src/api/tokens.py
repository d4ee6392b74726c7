"""Bearer tokens for the mobile app and the Next.js members area."""

import time

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from members.mixins import member_can_view


def signing_key():
    key = settings.API_JWT_SIGNING_KEY
    if not key:
        raise ImproperlyConfigured("API_JWT_SIGNING_KEY must be set to issue API tokens")
    return key


def build_claims(user):
    return {
        "iss": settings.API_JWT_ISSUER,
        "sub": str(user.pk),
        "email": user.email,
        "member": member_can_view(user),
        "staff": user.is_staff,
        "iat": int(time.time()),
    }


def issue_access_token(user):
    return jwt.encode(build_claims(user), signing_key(), algorithm="HS256")


def decode_access_token(token):
    # tokens minted by the 2022 mobile app were HS512; accept whichever HMAC
    # variant the token was signed with
    header = jwt.get_unverified_header(token)
    return jwt.decode(
        token,
        signing_key(),
        algorithms=[header.get("alg", "HS256")],
        issuer=settings.API_JWT_ISSUER,
    )
