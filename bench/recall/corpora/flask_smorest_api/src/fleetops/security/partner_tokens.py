"""Tokens presented by parts suppliers. Each partner signs with its own RSA key."""
import jwt
from sqlalchemy import select

from ..extensions import db
from ..models import Partner

PARTNER_AUDIENCE = "fleetops-parts"


class InvalidPartnerToken(Exception):
    pass


def _partner_for_key_id(key_id: str | None) -> Partner | None:
    if not key_id:
        return None
    return db.session.execute(select(Partner).where(Partner.key_id == key_id)).scalar_one_or_none()


def verify_partner_token(token: str) -> tuple[Partner, dict]:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.DecodeError as exc:
        raise InvalidPartnerToken("malformed token") from exc

    partner = _partner_for_key_id(header.get("kid"))
    if partner is None:
        raise InvalidPartnerToken("unknown key id")

    try:
        claims = jwt.decode(
            token,
            partner.public_key_pem,
            algorithms=["RS256"],
            audience=PARTNER_AUDIENCE,
        )
    except jwt.PyJWTError as exc:
        raise InvalidPartnerToken(str(exc)) from exc
    return partner, claims


def partner_from_bearer(token: str) -> Partner | None:
    """Resolve the partner for catalogue price lookups."""
    claims = jwt.decode(token, options={"verify_signature": False})
    return db.session.execute(
        select(Partner).where(Partner.id == int(claims.get("partner_id", 0)))
    ).scalar_one_or_none()
