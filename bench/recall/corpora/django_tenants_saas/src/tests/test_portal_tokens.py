from types import SimpleNamespace
from uuid import uuid4

import jwt
import pytest
from django.test import override_settings

from apps.portal.tokens import make_invoice_link_token, read_invoice_link_token

LINK_SECRET = "unit-test-portal-link-secret-0123456789"

pytestmark = pytest.mark.django_db


@override_settings(PORTAL_LINK_SECRET=LINK_SECRET)
def test_round_trip():
    invoice = SimpleNamespace(public_id=uuid4())
    claims = read_invoice_link_token(make_invoice_link_token(invoice))
    assert claims["inv"] == str(invoice.public_id)
    assert claims["scope"] == "invoice:view"


@override_settings(PORTAL_LINK_SECRET=LINK_SECRET)
def test_rejects_unsigned_token():
    forged = jwt.encode({"inv": str(uuid4()), "tenant": "public", "scope": "invoice:view"}, None, algorithm="none")
    with pytest.raises(jwt.InvalidTokenError):
        read_invoice_link_token(forged)


@override_settings(PORTAL_LINK_SECRET=LINK_SECRET)
def test_rejects_other_key():
    forged = jwt.encode({"inv": str(uuid4()), "tenant": "public", "scope": "invoice:view"},
                        "another-key-that-is-long-enough-0123", algorithm="HS256")
    with pytest.raises(jwt.InvalidSignatureError):
        read_invoice_link_token(forged)


@override_settings(PORTAL_LINK_SECRET=LINK_SECRET)
def test_rejects_wrong_scope():
    token = jwt.encode({"inv": str(uuid4()), "tenant": "public", "scope": "quote:decide"}, LINK_SECRET, algorithm="HS256")
    with pytest.raises(jwt.InvalidTokenError):
        read_invoice_link_token(token)
