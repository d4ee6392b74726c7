from datetime import datetime, timedelta, timezone

import jwt
import pytest

from tablebook.services import tokens


def test_access_token_round_trip():
    token = tokens.issue_access_token({"user_id": "u1"})
    claims = tokens.decode_access_token(token)
    assert claims["sub"] == "u1"
    assert claims["role"] == "guest"


def test_access_token_lifetime_is_short():
    token = tokens.issue_access_token({"user_id": "u1"})
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] <= 3600


def test_rejects_token_signed_with_other_key():
    forged = jwt.encode({"sub": "u1", "iat": datetime.now(timezone.utc),
                         "exp": datetime.now(timezone.utc) + timedelta(minutes=5)},
                        "attacker-key-attacker-key-attacker-key", algorithm="HS256",
                        headers={"kid": "local"})
    with pytest.raises(jwt.InvalidSignatureError):
        tokens.decode_access_token(forged)


def test_rejects_unsigned_token():
    unsigned = jwt.encode({"sub": "u1"}, None, algorithm="none", headers={"kid": "local"})
    with pytest.raises(jwt.InvalidTokenError):
        tokens.decode_access_token(unsigned)


def test_guest_link_is_not_an_access_token():
    link = tokens.issue_guest_link_token("res1", "guest@example.com")
    with pytest.raises(jwt.MissingRequiredClaimError):
        tokens.decode_access_token(link)
