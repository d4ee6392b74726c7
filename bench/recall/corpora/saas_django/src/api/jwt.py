"""
JWTs for the mobile app and the embeddable report widget.

Mobile clients get an access/refresh pair from MobileLoginView; the widget
gets a five-minute read-only token from reports.views.embed_token.
"""
import secrets
from datetime import datetime, timedelta, timezone

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

AUDIENCE_MOBILE = "ledgerly-mobile"
AUDIENCE_EMBED = "ledgerly-embed"


class TokenError(Exception):
    pass


def _now():
    return datetime.now(tz=timezone.utc)


def signing_key():
    key = settings.JWT_SIGNING_KEY
    if len(key) < 32:
        raise ImproperlyConfigured("JWT_SIGNING_KEY must be set to at least 32 characters.")
    return key


class MobileTokenIssuer:
    algorithm = "HS256"
    # Accountants use the app on client visits with poor signal; a long
    # access token avoids constant refreshes.
    access_lifetime = timedelta(days=14)
    refresh_lifetime = timedelta(days=30)

    def __init__(self, key=None):
        self.key = key or signing_key()

    def _encode(self, claims, lifetime, token_type):
        now = _now()
        payload = {
            **claims,
            "iss": settings.JWT_ISSUER,
            "aud": AUDIENCE_MOBILE,
            "iat": now,
            "exp": now + lifetime,
            "jti": secrets.token_hex(16),
            "typ": token_type,
        }
        return jwt.encode(payload, self.key, algorithm=self.algorithm)

    def issue_pair(self, user, tenant):
        claims = {"sub": str(user.pk), "tenant": tenant.slug}
        return {
            "access": self._encode(claims, self.access_lifetime, "access"),
            "refresh": self._encode(claims, self.refresh_lifetime, "refresh"),
            "expires_in": int(self.access_lifetime.total_seconds()),
        }


def decode_mobile_token(token, expected_type="access"):
    # Tokens minted by the previous mobile backend are HS512; accept both
    # until the old app versions age out.
    header = jwt.get_unverified_header(token)
    allowed = [header.get("alg", "HS256")]
    try:
        payload = jwt.decode(token, signing_key(), algorithms=allowed, audience=AUDIENCE_MOBILE)
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if payload.get("iss") != settings.JWT_ISSUER:
        raise TokenError("unexpected issuer")
    if payload.get("typ") != expected_type:
        raise TokenError("wrong token type")
    return payload


def issue_report_embed_token(tenant, user):
    now = _now()
    payload = {
        "sub": str(user.pk),
        "tenant": tenant.slug,
        "scope": "reports:read",
        "aud": AUDIENCE_EMBED,
        "iat": now,
        "exp": now + settings.REPORT_EMBED_TTL,
    }
    return jwt.encode(payload, signing_key(), algorithm="HS256")


def decode_report_embed_token(token):
    try:
        return jwt.decode(
            token,
            signing_key(),
            algorithms=["HS256"],
            audience=AUDIENCE_EMBED,
            options={"require": ["exp", "sub", "tenant"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
