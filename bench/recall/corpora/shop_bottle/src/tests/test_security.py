"""Tests for password hashing, webhook signatures, tokens and HTML helpers."""
import hashlib
import hmac
import json
import os
import time
from types import SimpleNamespace

os.environ.setdefault("INKHOUSE_JWT_SECRET", "test-jwt-secret-for-unit-tests-only-000000")

import bcrypt  # noqa: E402
import jwt  # noqa: E402
import pytest  # noqa: E402

from inkhouse import payments, security, settings  # noqa: E402
from inkhouse.helpers import mask_email, render_paragraphs, status_badge  # noqa: E402

WEBHOOK_SECRET = "test-webhook-secret"


def _sign(payload, secret=WEBHOOK_SECRET, timestamp=None):
    timestamp = str(int(timestamp or time.time()))
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def test_password_roundtrip():
    hashed = security.hash_password("correct horse battery")
    assert hashed.startswith("$2b$12$")
    assert security.verify_password("correct horse battery", hashed)
    assert not security.verify_password("wrong horse battery", hashed)


def test_unknown_account_is_rejected():
    assert not security.verify_password("whatever", None)


def test_low_cost_hashes_are_upgraded():
    # Cost 4 keeps the test fast; production hashes use BCRYPT_ROUNDS.
    cheap = bcrypt.hashpw(b"secret-password", bcrypt.gensalt(rounds=4)).decode()
    assert security.needs_rehash(cheap)
    assert not security.needs_rehash(security.hash_password("secret-password"))


def test_password_rules():
    assert security.password_problems("short")
    assert security.password_problems("me@example.com", "me@example.com")
    assert not security.password_problems("a much longer passphrase", "me@example.com")


def test_webhook_signature_roundtrip():
    payload = json.dumps({"id": "evt_1", "type": "checkout.session.completed"}).encode()
    event = payments.verify_signature(payload, _sign(payload), secret=WEBHOOK_SECRET)
    assert event["id"] == "evt_1"


def test_webhook_signature_rejects_tampering():
    payload = b'{"id": "evt_1"}'
    header = _sign(payload)
    with pytest.raises(payments.SignatureError):
        payments.verify_signature(b'{"id": "evt_2"}', header, secret=WEBHOOK_SECRET)


def test_webhook_signature_rejects_replay():
    payload = b'{"id": "evt_1"}'
    header = _sign(payload, timestamp=time.time() - 3600)
    with pytest.raises(payments.SignatureError):
        payments.verify_signature(payload, header, secret=WEBHOOK_SECRET)


def test_webhook_requires_configured_secret():
    with pytest.raises(payments.SignatureError):
        payments.verify_signature(b"{}", "t=1,v1=abc", secret="")


def test_access_token_expires():
    customer = SimpleNamespace(id=42)
    token = security.issue_access_token(customer)
    claims = jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"])
    assert claims["sub"] == "42"
    assert claims["exp"] - claims["iat"] == int(settings.ACCESS_TOKEN_TTL.total_seconds())


def test_status_badge_is_escaped():
    html = str(status_badge("<b>paid</b>"))
    assert "<b>" not in html
    assert "badge-grey" in html


def test_render_paragraphs_escapes_markup():
    html = render_paragraphs("Hello <script>alert(1)</script>\n\nSecond")
    assert "<script>" not in html
    assert html.count("<p>") == 2


def test_mask_email():
    assert mask_email("ada@example.com") == "a***@example.com"
    assert mask_email("not-an-email") == "***"
