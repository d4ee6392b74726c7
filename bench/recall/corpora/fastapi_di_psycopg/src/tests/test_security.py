from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from jose import jwt

from invoicing.errors import AuthenticationFailed
from invoicing.portal.templating import format_address, nl2br, status_badge
from invoicing.security import api_keys
from invoicing.security.passwords import ContactPasswordHasher, hash_password, verify_password
from invoicing.services.payments import InvalidSignature, verify_provider_signature
from invoicing.services.webhooks import sign_payload

WEBHOOK_SECRET = "whsec_test_3b9f0c2e"
BODY = b'{"type":"payment.succeeded"}'


def test_access_token_round_trip(token_service):
    user_id, tenant_id = uuid4(), uuid4()
    pair = token_service.issue_pair(user_id, tenant_id, "admin")
    claims = token_service.decode_access(pair.access_token)
    assert claims["sub"] == str(user_id)
    assert claims["tid"] == str(tenant_id)
    assert claims["role"] == "admin"


def test_access_token_lifetime_is_short(token_service, jwt_secret):
    pair = token_service.issue_pair(uuid4(), uuid4(), "member")
    claims = jwt.decode(pair.access_token, jwt_secret, algorithms=["HS256"], options={"verify_exp": False})
    lifetime = datetime.fromtimestamp(claims["exp"], UTC) - datetime.fromtimestamp(claims["iat"], UTC)
    assert lifetime <= timedelta(minutes=15)


def test_refresh_token_rejected_as_access_token(token_service):
    pair = token_service.issue_pair(uuid4(), uuid4(), "member")
    with pytest.raises(AuthenticationFailed):
        token_service.decode_access(pair.refresh_token)


def test_tampered_token_rejected(token_service):
    pair = token_service.issue_pair(uuid4(), uuid4(), "member")
    header, payload, signature = pair.access_token.split(".")
    forged = ".".join([header, payload, signature[::-1]])
    with pytest.raises(AuthenticationFailed):
        token_service.decode_access(forged)


def test_share_token_round_trip(token_service):
    invoice_id, customer_id = uuid4(), uuid4()
    token = token_service.issue_share_token(invoice_id, customer_id)
    assert token_service.decode_share_token(token) == (invoice_id, customer_id)


def test_password_hash_round_trip():
    hashed = hash_password("correct horse battery staple")
    assert verify_password("correct horse battery staple", hashed)
    assert not verify_password("Tr0ub4dor&3", hashed)


def test_contact_hasher_round_trip():
    hasher = ContactPasswordHasher()
    encoded = hasher.hash("portal-password-123")
    assert hasher.verify("portal-password-123", encoded)
    assert not hasher.verify("portal-password-124", encoded)


def test_api_key_generation_and_matching():
    key = api_keys.generate_key()
    assert api_keys.parse_prefix(key.raw) == key.prefix
    assert api_keys.matches(key.raw, key.digest)
    assert not api_keys.matches(key.raw + "x", key.digest)


def test_address_is_escaped():
    assert str(format_address(["<b>ACME</b>", "Main St"])) == "&lt;b&gt;ACME&lt;/b&gt;<br>Main St"


def test_status_badge_escapes_unknown_status():
    assert "&lt;" in str(status_badge("<script>"))


def test_nl2br_keeps_line_breaks():
    assert str(nl2br("Net 30\nThank you")) == "Net 30<br>\nThank you"


def test_valid_signature_accepted():
    header = sign_payload(WEBHOOK_SECRET, BODY, timestamp=1_700_000_000)
    verify_provider_signature(WEBHOOK_SECRET, BODY, header, now=1_700_000_010)


def test_modified_body_rejected():
    header = sign_payload(WEBHOOK_SECRET, BODY, timestamp=1_700_000_000)
    with pytest.raises(InvalidSignature):
        verify_provider_signature(WEBHOOK_SECRET, BODY + b" ", header, now=1_700_000_010)


def test_stale_timestamp_rejected():
    header = sign_payload(WEBHOOK_SECRET, BODY, timestamp=1_700_000_000)
    with pytest.raises(InvalidSignature):
        verify_provider_signature(WEBHOOK_SECRET, BODY, header, now=1_700_000_000 + 3600)


def test_malformed_header_rejected():
    with pytest.raises(InvalidSignature):
        verify_provider_signature(WEBHOOK_SECRET, BODY, "v1=deadbeef")
