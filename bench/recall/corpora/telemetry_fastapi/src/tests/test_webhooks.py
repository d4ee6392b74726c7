import hashlib
import hmac
import json
import time

from tests.conftest import TEST_WEBHOOK_SECRET


def _sign(payload: bytes, secret: str = TEST_WEBHOOK_SECRET, ts: int | None = None) -> str:
    ts = ts or int(time.time())
    signed = f"{ts}.".encode() + payload
    sig = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={ts},v1={sig}"


def _event(event_type: str = "ping") -> bytes:
    return json.dumps(
        {"id": "evt_test_1", "object": "event", "type": event_type, "data": {"object": {}}}
    ).encode()


def test_rejects_missing_signature(client):
    resp = client.post("/webhooks/stripe", content=_event())
    assert resp.status_code == 422


def test_rejects_bad_signature(client):
    payload = _event()
    resp = client.post(
        "/webhooks/stripe",
        content=payload,
        headers={"Stripe-Signature": _sign(payload, secret="whsec_wrong")},
    )
    assert resp.status_code == 400
    assert "trace" not in resp.json()


def test_rejects_stale_timestamp(client):
    payload = _event()
    resp = client.post(
        "/webhooks/stripe",
        content=payload,
        headers={"Stripe-Signature": _sign(payload, ts=int(time.time()) - 3600)},
    )
    assert resp.status_code == 400
