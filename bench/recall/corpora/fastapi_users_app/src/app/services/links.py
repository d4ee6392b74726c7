"""Signed links that give access without a login: public invoice pages and the accountant portal."""
import os
import uuid
from datetime import datetime, timedelta, timezone

import jwt
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.core.config import settings

PUBLIC_LINK_MAX_AGE = 60 * 60 * 24 * 120
UNLOCK_MAX_AGE = 60 * 60
ACCOUNTANT_AUDIENCE = "invoicely:accountant"

_link_secret = os.getenv("PUBLIC_LINK_SECRET", "inv-public-links-5b1e9f0c7a2d")
_invoice_links = URLSafeTimedSerializer(_link_secret, salt="public-invoice")
_unlock_tokens = URLSafeTimedSerializer(_link_secret, salt="invoice-unlock")


def public_invoice_url(invoice_id: uuid.UUID) -> str:
    return f"{settings.base_url}/p/{_invoice_links.dumps(str(invoice_id))}"


def load_invoice_token(token: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(_invoice_links.loads(token, max_age=PUBLIC_LINK_MAX_AGE))
    except (BadSignature, ValueError):
        return None


def sign_unlock(invoice_id: uuid.UUID) -> str:
    return _unlock_tokens.dumps(str(invoice_id))


def check_unlock(value: str | None, invoice_id: uuid.UUID) -> bool:
    if not value:
        return False
    try:
        return _unlock_tokens.loads(value, max_age=UNLOCK_MAX_AGE) == str(invoice_id)
    except BadSignature:
        return False


def issue_accountant_token(organization_id: uuid.UUID, email: str) -> tuple[str, datetime]:
    now = datetime.now(timezone.utc)
    expires_at = now + timedelta(days=settings.accountant_link_lifetime_days)
    payload = {
        "sub": email,
        "org": str(organization_id),
        "aud": ACCOUNTANT_AUDIENCE,
        "iat": now,
        "exp": expires_at,
    }
    return jwt.encode(payload, settings.jwt_secret.get_secret_value(), algorithm="HS256"), expires_at


def read_accountant_token(token: str) -> dict | None:
    try:
        return jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=["HS256"],
            audience=ACCOUNTANT_AUDIENCE,
            # accountants bookmark the portal during filing season
            options={"verify_exp": False},
        )
    except jwt.InvalidTokenError:
        return None
