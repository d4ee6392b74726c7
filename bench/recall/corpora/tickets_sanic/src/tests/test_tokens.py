from datetime import timedelta

import jwt
import pytest

from gatepass.security.passwords import hash_password, validate_strength, verify_password
from gatepass.security.sessions import dump_session, load_session, safe_next
from gatepass.security.tokens import (
    decode_access_token,
    issue_access_token,
    make_reset_token,
    read_reset_token,
)


def test_access_token_round_trip(settings, user):
    token = issue_access_token(user, settings)
    claims = decode_access_token(token, settings)
    assert claims["sub"] == "41"
    assert claims["role"] == "customer"


def test_expired_access_token_is_rejected(settings, user, monkeypatch):
    monkeypatch.setattr(settings, "ACCESS_TOKEN_TTL", timedelta(seconds=-5))
    assert decode_access_token(issue_access_token(user, settings), settings) is None


def test_access_token_with_other_algorithm_is_rejected(settings, user):
    forged = jwt.encode({"sub": "1", "typ": "access", "iss": "gatepass", "exp": 9999999999, "iat": 0}, "", algorithm="none")
    assert decode_access_token(forged, settings) is None


def test_session_cookie_round_trip(settings, user):
    raw = dump_session(user, settings)
    assert load_session(raw, settings) == {"uid": 41, "sv": 3}
    assert load_session(raw[:-2] + "xx", settings) is None


def test_reset_token_carries_session_version(settings, user):
    token = make_reset_token(user, settings)
    assert read_reset_token(token, settings) == {"uid": 41, "sv": 3}


@pytest.mark.parametrize(
    "target,expected",
    [
        ("/tickets/", "/tickets/"),
        ("/orders/GP-1A2B3C4D", "/orders/GP-1A2B3C4D"),
        ("https://evil.example/", "/tickets/"),
        ("//evil.example/", "/tickets/"),
        (None, "/tickets/"),
    ],
)
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_password_hash_and_policy():
    hashed = hash_password("correct horse battery")
    assert verify_password("correct horse battery", hashed)
    assert not verify_password("wrong horse battery", hashed)
    assert not verify_password("anything", None)
    assert validate_strength("short")
    assert validate_strength("ada-rocks-2024", email="ada@example.com")
