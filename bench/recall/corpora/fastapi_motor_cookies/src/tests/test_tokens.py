from datetime import datetime, timedelta, timezone

import pytest
from jose import jwt

from app.config import get_settings
from app.security import tokens


def test_access_token_round_trip():
    token = tokens.create_access_token("u1", "member")
    claims = tokens.decode_token(token, tokens.ACCESS_TOKEN_TYPE)
    assert claims["sub"] == "u1"
    assert claims["role"] == "member"


def test_access_token_lifetime_follows_settings():
    settings = get_settings()
    token = tokens.create_access_token("u1", "member")
    claims = jwt.decode(token, settings.jwt_secret, algorithms=["HS256"], options={"verify_exp": False})
    assert claims["exp"] - claims["iat"] == settings.access_token_expire_minutes * 60


def test_expired_token_is_rejected():
    settings = get_settings()
    past = datetime.now(timezone.utc) - timedelta(minutes=5)
    token = jwt.encode({"sub": "u1", "type": "access", "exp": past}, settings.jwt_secret, algorithm="HS256")
    with pytest.raises(tokens.TokenError):
        tokens.decode_token(token, tokens.ACCESS_TOKEN_TYPE)


def test_refresh_token_cannot_be_used_as_access_token():
    token = tokens.create_refresh_token("u1")
    with pytest.raises(tokens.TokenError):
        tokens.decode_token(token, tokens.ACCESS_TOKEN_TYPE)


def test_chat_ticket_carries_event():
    ticket = tokens.create_chat_ticket("u1", "e1")
    assert tokens.decode_chat_ticket(ticket)["evt"] == "e1"
