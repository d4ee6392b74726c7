import hashlib
import hmac
import json
import secrets
import time

from pawprint.billing.query import SelectQuery
from pawprint.hooks import verify_stripe_signature
from pawprint.security.passwords import hash_password, needs_rehash, password_problems, verify_password


def test_select_query_binds_values():
    sql, params = (
        SelectQuery("invoices i", ["i.number"])
        .where("i.status", "=", "open")
        .where("i.currency", "IN", ["GBP", "EUR"])
        .order_by("i.issued_at", "desc")
        .paginate(2, 10)
        .build()
    )
    assert sql == (
        "SELECT i.number FROM invoices i WHERE i.status = %s AND i.currency IN (%s, %s) "
        "ORDER BY i.issued_at DESC LIMIT %s OFFSET %s"
    )
    assert params == ["open", "GBP", "EUR", 10, 10]


def test_select_query_rejects_unknown_operator():
    q = SelectQuery("invoices i", ["i.number"])
    try:
        q.where("i.status", "; DROP", "x")
    except ValueError:
        pass
    else:
        raise AssertionError("expected ValueError")


def test_empty_in_matches_nothing():
    sql, params = SelectQuery("invoices", ["id"]).where("status", "IN", []).build()
    assert "WHERE FALSE" in sql
    assert params == []


def test_password_roundtrip():
    hashed = hash_password("correct-horse-42")
    assert verify_password("correct-horse-42", hashed)
    assert not verify_password("wrong", hashed)
    assert not needs_rehash(hashed)


def test_password_rules():
    assert password_problems("short")
    assert password_problems("password1")
    assert password_problems("correct-horse-42") == []


def _signed(payload, secret, ts=None):
    ts = ts or int(time.time())
    mac = hmac.new(secret.encode(), f"{ts}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={ts},v1={mac}"


def test_webhook_signature():
    payload = json.dumps({"type": "ping"}).encode()
    signing_key = secrets.token_hex(16)
    assert verify_stripe_signature(payload, _signed(payload, signing_key), signing_key, 300)
    assert not verify_stripe_signature(payload, _signed(payload, "other"), signing_key, 300)
    old = _signed(payload, signing_key, ts=int(time.time()) - 3600)
    assert not verify_stripe_signature(payload, old, signing_key, 300)


def test_staff_login_rejects_bad_password(client, vet):
    response = client.post("/api/auth/login", json={"email": "vet@example.com", "password": "nope"})
    assert response.status_code == 401


def test_staff_login_returns_tokens(client, vet):
    response = client.post("/api/auth/login", json={"email": "vet@example.com", "password": "correct-horse-42"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["token_type"] == "Bearer"
    assert body["access_token"]
