from datetime import timedelta

import jwt
import pytest

from bookings import config
from bookings.auth import tokens

USER = {"id": 7, "email": "ada@example.com", "is_admin": False}


def test_access_token_round_trip():
    token = tokens.issue_access_token(USER)
    claims = tokens.decode_token(token)
    assert claims["sub"] == "7"
    assert claims["typ"] == "access"


def test_access_token_has_expiry():
    token = tokens.issue_access_token(USER)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == int(config.ACCESS_TOKEN_TTL.total_seconds())


def test_refresh_token_rejected_as_access_token():
    token = tokens.issue_refresh_token(USER["id"])
    with pytest.raises(tokens.TokenError):
        tokens.decode_token(token)


def test_tampered_token_rejected():
    token = tokens.issue_access_token(USER)
    forged = jwt.encode({"sub": "1", "typ": "access", "exp": 9999999999}, "not-the-key", algorithm="HS256")
    with pytest.raises(tokens.TokenError):
        tokens.decode_token(forged)
    assert token != forged


def test_expired_token_rejected():
    original = config.ACCESS_TOKEN_TTL
    config.ACCESS_TOKEN_TTL = timedelta(seconds=-1)
    try:
        token = tokens.issue_access_token(USER)
    finally:
        config.ACCESS_TOKEN_TTL = original
    with pytest.raises(tokens.TokenError):
        tokens.decode_token(token)


def test_reset_code_hash_is_stable():
    assert tokens.hash_reset_code("abc") == tokens.hash_reset_code("abc")
