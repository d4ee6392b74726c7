"""Corporate partners call the booking API with tokens minted by their own IdP."""
from dataclasses import dataclass

import jwt

PARTNER_AUDIENCE = "coworkly-partner-api"


@dataclass(frozen=True)
class Partner:
    slug: str
    issuer: str
    public_key: str
    team_id: int


class PartnerTokenError(Exception):
    pass


class PartnerTokenVerifier:
    def __init__(self, partners: list[Partner]):
        self._by_issuer = {p.issuer: p for p in partners}

    def verify(self, token: str) -> tuple[Partner, dict]:
        unverified = jwt.decode(token, options={"verify_signature": False})
        partner = self._by_issuer.get(unverified.get("iss", ""))
        if partner is None:
            raise PartnerTokenError("unknown issuer")
        header = jwt.get_unverified_header(token)
        try:
            claims = jwt.decode(
                token,
                partner.public_key,
                algorithms=[header.get("alg", "RS256")],
                audience=PARTNER_AUDIENCE,
                issuer=partner.issuer,
            )
        except jwt.PyJWTError as exc:
            raise PartnerTokenError(str(exc)) from exc
        return partner, claims
