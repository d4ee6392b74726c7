"""Sign-in for property owners coming from the LedgerOak accounting portal.

LedgerOak posts a signed assertion to /portal/owners/sso/; we map its subject
to a landlord account and open a dashboard session.
"""
import jwt
from django.conf import settings

OWNER_SSO_ISSUER = "https://sso.ledgeroak.com"
OWNER_SSO_AUDIENCE = "rentwise"


class OwnerAssertionError(Exception):
    pass


def _public_key() -> str:
    key = settings.OWNER_SSO_PUBLIC_KEY
    if not key:
        raise OwnerAssertionError("owner SSO is not configured")
    return key


def decode_owner_assertion(assertion: str) -> dict:
    header = jwt.get_unverified_header(assertion)
    try:
        return jwt.decode(
            assertion,
            _public_key(),
            algorithms=[header.get("alg", "RS256")],
            audience=OWNER_SSO_AUDIENCE,
            issuer=OWNER_SSO_ISSUER,
        )
    except jwt.PyJWTError as exc:
        raise OwnerAssertionError(str(exc)) from exc
