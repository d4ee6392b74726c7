import hashlib
import hmac
import time

from kiosk.services import payments

SECRET = "whsec_test_fixture"


def _sign(payload, ts=None):
    ts = str(ts or int(time.time()))
    sig = hmac.new(SECRET.encode(), ts.encode() + b"." + payload, hashlib.sha256).hexdigest()
    return "t=%s,v1=%s" % (ts, sig)


def test_valid_signature(monkeypatch):
    monkeypatch.setattr(payments.config, "PAYMENT_WEBHOOK_SECRET", SECRET)
    body = b'{"type": "ping"}'
    assert payments.verify_webhook(body, _sign(body))


def test_stale_signature(monkeypatch):
    monkeypatch.setattr(payments.config, "PAYMENT_WEBHOOK_SECRET", SECRET)
    body = b'{"type": "ping"}'
    assert not payments.verify_webhook(body, _sign(body, ts=int(time.time()) - 3600))


def test_wrong_body(monkeypatch):
    monkeypatch.setattr(payments.config, "PAYMENT_WEBHOOK_SECRET", SECRET)
    assert not payments.verify_webhook(b"{}", _sign(b'{"type": "ping"}'))
