import hashlib
import hmac
import time
from types import SimpleNamespace

import jwt
import pytest

from dispatchdesk.formatting import nl2br, status_badge
from dispatchdesk.security.tokens import api_key_digest, make_reset_token, new_api_key
from dispatchdesk.services.reporting import GROUPINGS, _cache_key
from dispatchdesk.services.tracking_links import issue_tracking_token, read_tracking_token
from dispatchdesk.webhooks.signatures import SignatureError, verify_hmac_signature


def _sign(body, secret, ts):
    mac = hmac.new(secret.encode(), str(ts).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={ts},v1={mac}"


def test_api_keys_are_prefixed_and_distinct():
    a, b = new_api_key(), new_api_key()
    assert a.startswith("dd_") and b.startswith("dd_")
    assert a != b
    assert api_key_digest(a) != api_key_digest(b)


def test_reset_token_length():
    assert len(make_reset_token()) == 40


def test_tracking_token_roundtrip(app):
    shipment = SimpleNamespace(id=17, reference="DD2405-00017")
    token = issue_tracking_token(shipment)
    assert read_tracking_token(token) == 17


def test_tracking_token_rejects_other_scope(app):
    claims = {"sub": "17", "scope": "admin", "exp": int(time.time()) + 60}
    token = jwt.encode(claims, app.config["TRACKING_LINK_SECRET"], algorithm="HS256")
    with pytest.raises(jwt.InvalidTokenError):
        read_tracking_token(token)


def test_webhook_signature_accepts_valid():
    body = b'{"events": []}'
    ts = int(time.time())
    verify_hmac_signature(body, _sign(body, "whsec-test", ts), "whsec-test", now=ts)


def test_webhook_signature_rejects_stale():
    body = b'{"events": []}'
    ts = int(time.time()) - 3600
    with pytest.raises(SignatureError):
        verify_hmac_signature(body, _sign(body, "whsec-test", ts), "whsec-test")


def test_webhook_signature_requires_secret():
    with pytest.raises(SignatureError):
        verify_hmac_signature(b"{}", "t=1,v1=00", "")


def test_cache_key_is_stable():
    assert _cache_key("late", {"days": 7}) == _cache_key("late", {"days": 7})
    assert _cache_key("late", {"days": 7}) != _cache_key("late", {"days": 8})


def test_unknown_grouping_falls_back_to_depot():
    assert GROUPINGS.get("nope", GROUPINGS["depot"]) == "d.code"


def test_status_badge_escapes():
    html = str(status_badge("<script>"))
    assert "<script>" not in html


def test_nl2br_escapes_lines():
    html = str(nl2br("Gate code 1234\n<b>ring twice</b>"))
    assert "<br>" in html
    assert "<b>" not in html
