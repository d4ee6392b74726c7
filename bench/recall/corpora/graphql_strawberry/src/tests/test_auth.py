from __future__ import annotations

import hashlib
import hmac
import time
from datetime import datetime, timedelta, timezone

import jwt
import pytest

from shiftboard.api.webhooks import expected_signature
from shiftboard.auth import tokens
from shiftboard.config import get_settings

from conftest import TEST_PASSWORD

settings = get_settings()


def test_token_login_returns_short_lived_access_token(client, make_user):
    user = make_user()
    resp = client.post("/auth/token", data={"username": user.email, "password": TEST_PASSWORD})
    assert resp.status_code == 200
    body = resp.json()
    assert body["expires_in"] <= 3600
    claims = tokens.decode_access_token(body["access_token"])
    assert claims["sub"] == str(user.id)


def test_token_login_rejects_wrong_password(client, make_user):
    user = make_user()
    resp = client.post("/auth/token", data={"username": user.email, "password": "not-the-password-1"})
    assert resp.status_code == 401


def test_expired_token_is_rejected():
    past = datetime.now(timezone.utc) - timedelta(hours=2)
    token = jwt.encode(
        {"sub": "1", "iat": past, "exp": past + timedelta(minutes=15), "aud": settings.jwt_audience, "iss": settings.jwt_issuer},
        settings.jwt_secret_key,
        algorithm="HS256",
    )
    with pytest.raises(tokens.TokenError):
        tokens.decode_access_token(token)


def test_password_reset_response_does_not_reveal_accounts(client, make_user):
    user = make_user()
    known = client.post("/auth/password-reset", json={"email": user.email})
    unknown = client.post("/auth/password-reset", json={"email": "nobody@example.test"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()


def test_graphql_requires_authentication(client):
    resp = client.post("/graphql", json={"query": "{ me { id } }"})
    assert resp.status_code == 200
    assert resp.json()["errors"][0]["message"] == "Sign in required"


def test_webhook_rejects_bad_signature(client):
    ts = str(int(time.time()))
    resp = client.post(
        "/webhooks/calendar-sync",
        content=b'{"type": "event.updated"}',
        headers={"x-shiftboard-timestamp": ts, "x-shiftboard-signature": "sha256=" + "0" * 64},
    )
    assert resp.status_code == 401


def test_signature_helper_matches_reference_implementation():
    body = b'{"id": "evt_1"}'
    ref = hmac.new(b"testing-webhook-secret", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert expected_signature("testing-webhook-secret", "1700000000", body) == f"sha256={ref}"
