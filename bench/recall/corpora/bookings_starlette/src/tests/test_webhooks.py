import hashlib
import hmac
import json
import time

import pytest

from bookings.services import payments

SECRET = "whsec_test_secret"


def _sign(body: bytes, ts: int, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={ts},v1={digest}"


def test_valid_signature_accepted():
    body = json.dumps({"id": "evt_1", "type": "payment.succeeded"}).encode()
    ts = int(time.time())
    payments.verify_webhook(body, _sign(body, ts), SECRET)


def test_wrong_secret_rejected():
    body = b"{}"
    ts = int(time.time())
    with pytest.raises(payments.SignatureError):
        payments.verify_webhook(body, _sign(body, ts, "other"), SECRET)


def test_stale_signature_rejected():
    body = b"{}"
    ts = int(time.time()) - 3600
    with pytest.raises(payments.SignatureError):
        payments.verify_webhook(body, _sign(body, ts), SECRET)


def test_webhook_endpoint_requires_signature(client):
    response = client.post("/webhooks/paybridge", content=b'{"id": "evt_2"}')
    assert response.status_code == 400
