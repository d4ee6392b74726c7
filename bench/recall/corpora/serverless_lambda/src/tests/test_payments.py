import hashlib
import hmac

import pytest

from tablebook.services.payments import SignatureError, verify_signature

from conftest import TEST_WEBHOOK_SECRET


def _header(payload, timestamp, secret=TEST_WEBHOOK_SECRET):
    digest = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def test_valid_signature_passes():
    verify_signature('{"id": "evt_1"}', _header('{"id": "evt_1"}', 1_700_000_000),
                     TEST_WEBHOOK_SECRET, now=1_700_000_010)


def test_tampered_payload_fails():
    header = _header('{"amount": 100}', 1_700_000_000)
    with pytest.raises(SignatureError):
        verify_signature('{"amount": 1}', header, TEST_WEBHOOK_SECRET, now=1_700_000_010)


def test_old_timestamp_fails():
    header = _header("{}", 1_700_000_000)
    with pytest.raises(SignatureError):
        verify_signature("{}", header, TEST_WEBHOOK_SECRET, now=1_700_009_999)
