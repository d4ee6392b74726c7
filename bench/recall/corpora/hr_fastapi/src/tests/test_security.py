from __future__ import annotations

import hashlib
import hmac
import time

import jwt
import pytest

from app import security as tokens
from app.security import WeakPasswordError, check_strength, hash_password, verify_password
from app.services import slack


def test_password_roundtrip():
    hashed = hash_password("Correct-Horse-42")
    assert verify_password("Correct-Horse-42", hashed)
    assert not verify_password("correct-horse-42", hashed)
    assert not verify_password("anything", None)


@pytest.mark.parametrize("password", ["short", "alllowercaseletters", "jane.doe-Password1"])
def test_weak_passwords_rejected(password):
    with pytest.raises(WeakPasswordError):
        check_strength(password, email="jane.doe@acme-corp.com")


def test_access_token_roundtrip():
    token = tokens.create_access_token(42, role="manager")
    claims = tokens.decode_access_token(token)
    assert claims["sub"] == "42"
    assert claims["role"] == "manager"
    assert claims["exp"] - claims["iat"] == 15 * 60


def test_access_token_rejects_refresh_token():
    refresh, _ = tokens.create_refresh_token(42)
    with pytest.raises(tokens.TokenError):
        tokens.decode_access_token(refresh)


def test_expired_access_token_rejected(monkeypatch):
    monkeypatch.setattr(tokens.settings, "access_token_expire_minutes", -1)
    token = tokens.create_access_token(1, role="employee")
    with pytest.raises(tokens.TokenError):
        tokens.decode_access_token(token)


def test_refresh_token_roundtrip():
    refresh, payload = tokens.create_refresh_token(7)
    claims = tokens.decode_refresh_token(refresh)
    assert claims["fam"] == payload["fam"]


def test_slack_signature():
    body = b"payload=%7B%7D"
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(b"pytest-slack-signing-secret", f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    assert slack.verify_signature(ts, body, sig)
    assert not slack.verify_signature(ts, body + b"x", sig)
    assert not slack.verify_signature(str(int(time.time()) - 3600), body, sig)


def test_access_token_wrong_key():
    forged = jwt.encode({"sub": "1", "type": "access", "exp": int(time.time()) + 60, "iss": "acme-hr"}, "wrong-key-wrong-key-wrong-key-00", algorithm="HS256")
    with pytest.raises(tokens.TokenError):
        tokens.decode_access_token(forged)
