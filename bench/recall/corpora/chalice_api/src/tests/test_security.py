import datetime as dt
import json

import jwt
import pytest

from chalicelib.security import passwords, tokens


def test_access_token_round_trip():
    token = tokens.issue_access_token("rider-1", ["rides:read", "rides:write"])
    claims = tokens.decode_access_token(token)
    assert claims["sub"] == "rider-1"
    assert claims["scope"] == "rides:read rides:write"


def test_access_token_carries_expiry():
    token = tokens.issue_access_token("rider-1", [])
    unverified = jwt.decode(token, options={"verify_signature": False})
    assert "exp" in unverified
    assert unverified["exp"] > unverified["iat"]


def test_unlock_token_is_short_lived():
    token = tokens.issue_unlock_token("ride-1", "bike-9", "st-001")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] <= 120


def test_tampered_token_is_rejected():
    token = tokens.issue_access_token("rider-1", [])
    header, payload, signature = token.split(".")
    forged = ".".join([header, payload, signature[::-1]])
    with pytest.raises(jwt.InvalidTokenError):
        tokens.decode_access_token(forged)


def test_wrong_audience_is_rejected():
    now = dt.datetime.now(dt.timezone.utc)
    token = jwt.encode(
        {"sub": "x", "aud": "someone-else", "iss": "https://api.bikeshare.example",
         "exp": now + dt.timedelta(minutes=5)},
        "unit-test-signing-key-0123456789abcdef",
        algorithm="HS256",
    )
    with pytest.raises(jwt.InvalidAudienceError):
        tokens.decode_access_token(token)


def test_password_hash_verifies():
    hashed = passwords.hash_password("correct horse 42")
    assert passwords.verify_password("correct horse 42", hashed)
    assert not passwords.verify_password("wrong horse 42", hashed)


def test_register_and_login(client, monkeypatch):
    sent = []
    monkeypatch.setattr(
        "chalicelib.services.mailer.Mailer._send", lambda self, to, subject, text, html=None: sent.append(to)
    )
    response = client.http.post(
        "/auth/register",
        headers={"Content-Type": "application/json"},
        body=json.dumps({"email": "ana@example.org", "name": "Ana", "password": "pedal-power-77"}),
    )
    assert response.status_code == 200
    assert sent == ["ana@example.org"]

    response = client.http.post(
        "/auth/login",
        headers={"Content-Type": "application/json"},
        body=json.dumps({"email": "ana@example.org", "password": "pedal-power-77"}),
    )
    assert response.status_code == 200
    assert response.json_body["token_type"] == "Bearer"


def test_login_is_rate_limited(client):
    payload = json.dumps({"email": "nobody@example.org", "password": "whatever-123"})
    codes = [
        client.http.post("/auth/login", headers={"Content-Type": "application/json"}, body=payload).status_code
        for _ in range(7)
    ]
    assert codes[-1] == 429
