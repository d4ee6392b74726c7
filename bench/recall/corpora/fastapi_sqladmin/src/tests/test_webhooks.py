import hashlib
import hmac
import json

from app.core.config import settings


def _sign(body: bytes) -> str:
    return hmac.new(settings.PAYMENTS_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


def test_rejects_bad_signature(client):
    response = client.post("/api/webhooks/payments", content=b"{}", headers={"X-Payments-Signature": "00"})
    assert response.status_code == 400


def test_accepts_signed_event(client, monkeypatch):
    body = json.dumps({"type": "ping", "id": "evt_1"}).encode()
    response = client.post("/api/webhooks/payments", content=body, headers={"X-Payments-Signature": _sign(body)})
    assert response.status_code == 200
