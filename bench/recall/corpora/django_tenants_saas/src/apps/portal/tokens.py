"""Signed links to a single invoice, e-mailed to customers ("View and pay online")."""
import jwt
from django.conf import settings
from django.db import connection

LINK_ALGORITHM = "HS256"


def make_invoice_link_token(invoice) -> str:
    payload = {"inv": str(invoice.public_id), "tenant": connection.schema_name, "scope": "invoice:view"}
    return jwt.encode(payload, settings.PORTAL_LINK_SECRET, algorithm=LINK_ALGORITHM)


def read_invoice_link_token(token: str) -> dict:
    claims = jwt.decode(token, settings.PORTAL_LINK_SECRET, algorithms=[LINK_ALGORITHM])
    if claims.get("scope") != "invoice:view":
        raise jwt.InvalidTokenError("wrong scope")
    return claims
