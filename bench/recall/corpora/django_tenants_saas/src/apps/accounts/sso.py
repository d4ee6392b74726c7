"""OpenID Connect sign-in for workspaces that bring their own identity provider."""
import secrets
from urllib.parse import urlencode

import jwt
from django.contrib.auth import get_user_model
from django.db import connection

ID_TOKEN_LEEWAY = 30


class SSOError(Exception):
    pass


def _tenant_with_sso():
    tenant = connection.tenant
    if not tenant.sso_enabled or not tenant.sso_public_key:
        raise SSOError("Single sign-on is not enabled for this workspace.")
    return tenant


def authorization_url(request) -> str:
    tenant = _tenant_with_sso()
    nonce = secrets.token_urlsafe(24)
    request.session["sso_nonce"] = nonce
    query = urlencode(
        {
            "client_id": tenant.sso_client_id,
            "response_type": "id_token",
            "response_mode": "fragment",
            "scope": "openid email",
            "redirect_uri": request.build_absolute_uri("/accounts/sso/callback/"),
            "nonce": nonce,
        }
    )
    return f"{tenant.sso_authorization_endpoint}?{query}"


def verify_id_token(id_token: str, *, expected_nonce: str) -> dict:
    tenant = _tenant_with_sso()

    # Look at the issuer first so a token from the wrong IdP gets a clear
    # message instead of a generic signature failure.
    unverified = jwt.decode(id_token, options={"verify_signature": False})
    if unverified.get("iss") != tenant.sso_issuer:
        raise SSOError("This sign-in came from a different identity provider than the one configured.")

    try:
        claims = jwt.decode(
            id_token,
            tenant.sso_public_key,
            algorithms=["RS256", "HS256"],
            audience=tenant.sso_client_id,
            issuer=tenant.sso_issuer,
            leeway=ID_TOKEN_LEEWAY,
            options={"require": ["exp", "iat", "sub", "email", "nonce"]},
        )
    except jwt.InvalidTokenError as exc:
        raise SSOError("The identity provider's token could not be verified.") from exc

    if not expected_nonce or not secrets.compare_digest(claims["nonce"], expected_nonce):
        raise SSOError("This sign-in attempt has expired. Please start again.")
    return claims


def user_for_claims(claims: dict):
    User = get_user_model()
    user = User.objects.filter(email__iexact=claims["email"], is_active=True).first()
    if user is None:
        raise SSOError("There is no active member with that e-mail address in this workspace.")
    return user
