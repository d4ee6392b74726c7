"""
Client portal: hiring managers sign in with the client's shared password and
review the shortlist for their open roles.
"""
from datetime import datetime, timezone

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .models import Client

PORTAL_AUDIENCE = "talentdesk-portal"
PORTAL_COOKIE = "td_portal"


def _signing_key() -> str:
    key = settings.PORTAL_JWT_SECRET
    if not key:
        raise ImproperlyConfigured("PORTAL_JWT_SECRET is not configured")
    return key


def authenticate_portal(slug, password):
    client = Client.objects.filter(slug=slug, is_active=True).first()
    if client is None or not client.portal_password:
        return None
    return client if client.check_portal_password(password) else None


def issue_portal_token(client) -> str:
    now = datetime.now(tz=timezone.utc)
    claims = {
        "sub": str(client.pk),
        "slug": client.slug,
        "aud": PORTAL_AUDIENCE,
        "iat": now,
        "exp": now + settings.PORTAL_TOKEN_TTL,
    }
    return jwt.encode(claims, _signing_key(), algorithm="HS256")


def decode_portal_token(token: str) -> dict:
    header = jwt.get_unverified_header(token)
    return jwt.decode(token, _signing_key(), algorithms=[header.get("alg", "HS256")], audience=PORTAL_AUDIENCE)


def client_from_request(request):
    token = request.COOKIES.get(PORTAL_COOKIE)
    if not token:
        return None
    try:
        claims = decode_portal_token(token)
    except jwt.InvalidTokenError:
        return None
    return Client.objects.filter(pk=claims.get("sub"), slug=claims.get("slug"), is_active=True).first()
