from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid

import jwt
import pytest

from studio.security.passwords import hash_password, verify_password
from studio.security.tokens import TokenError, decode_refresh_token, issue_refresh_token
from studio.services.billing import WebhookVerificationError, verify_webhook
from studio.services.storage import DownloadGrant, DownloadSigner, DownloadTokenError
from studio.templating import highlight, nl2br


def _sign(payload: bytes, secret: str, ts: int | None = None) -> str:
    ts = ts or int(time.time())
    sig = hmac.new(secret.encode(), f"{ts}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={ts},v1={sig}"


# --- webhooks -----------------------------------------------------------------------


def test_webhook_valid_signature(payment_settings, webhook_secret):
    payload = json.dumps({"id": "evt_1", "type": "checkout.session.completed"}).encode()
    event = verify_webhook(payload, _sign(payload, webhook_secret), payment_settings)
    assert event["id"] == "evt_1"


def test_webhook_wrong_secret_rejected(payment_settings):
    payload = b'{"id": "evt_2"}'
    with pytest.raises(WebhookVerificationError):
        verify_webhook(payload, _sign(payload, "not-the-secret"), payment_settings)


def test_webhook_old_timestamp_rejected(payment_settings, webhook_secret):
    payload = b'{"id": "evt_3"}'
    with pytest.raises(WebhookVerificationError):
        verify_webhook(payload, _sign(payload, webhook_secret, ts=int(time.time()) - 3600), payment_settings)


def test_webhook_missing_header(payment_settings):
    with pytest.raises(WebhookVerificationError):
        verify_webhook(b"{}", None, payment_settings)


# --- tokens -------------------------------------------------------------------------


def test_refresh_round_trip():
    user_id = uuid.uuid4()
    token, jti = issue_refresh_token(user_id)
    claims = decode_refresh_token(token)
    assert claims.user_id == user_id
    assert claims.jti == jti


def test_refresh_rejects_foreign_key():
    forged = jwt.encode({"sub": str(uuid.uuid4()), "typ": "refresh", "jti": "x"}, "another-key" * 4, algorithm="HS256")
    with pytest.raises(TokenError):
        decode_refresh_token(forged)


def test_download_grant_round_trip():
    signer = DownloadSigner(key="k" * 40)
    grant = DownloadGrant(gallery_id=uuid.uuid4(), client_id=uuid.uuid4(), photo_id=None)
    assert signer.verify(signer.issue(grant)) == grant


def test_download_grant_tampered():
    signer = DownloadSigner(key="k" * 40)
    token = signer.issue(DownloadGrant(gallery_id=uuid.uuid4(), client_id=uuid.uuid4(), photo_id=None))
    with pytest.raises(DownloadTokenError):
        signer.verify(token[:-2] + "xx")


# --- passwords & templates ---------------------------------------------------------------


def test_password_hash_round_trip():
    stored = hash_password("correct horse 42")
    assert verify_password(stored, "correct horse 42")
    assert not verify_password(stored, "wrong horse 42")
    assert not verify_password(None, "anything")


def test_nl2br_escapes_each_line():
    out = nl2br("Hello <b>there</b>\nsecond line")
    assert "&lt;b&gt;" in out
    assert "<br>" in out


def test_highlight_marks_term():
    assert str(highlight("IMG_0042.jpg", "0042")) == "IMG_<mark>0042</mark>.jpg"
