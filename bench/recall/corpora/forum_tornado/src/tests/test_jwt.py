import datetime as dt

import jwt
import pytest

from forum.security import jwt_auth


def test_access_token_roundtrip(member):
    token = jwt_auth.issue_access_token(member)
    claims = jwt_auth.decode_access_token(token)
    assert claims["sub"] == "42"
    assert claims["typ"] == "access"
    assert claims["exp"] - claims["iat"] == 900


def test_access_token_rejects_refresh_token(member):
    token = jwt_auth.issue_refresh_token(member, "abc")
    with pytest.raises(jwt_auth.TokenError):
        jwt_auth.decode_access_token(token)


def test_tampered_token_rejected(member):
    token = jwt_auth.issue_access_token(member)
    head, body, sig = token.split(".")
    with pytest.raises(jwt_auth.TokenError):
        jwt_auth.decode_access_token(".".join([head, body, sig[::-1]]))


def test_unknown_kid_rejected(member):
    forged = jwt.encode(
        {"sub": "1", "typ": "access", "aud": jwt_auth.AUDIENCE, "iss": jwt_auth.ISSUER,
         "exp": dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)},
        "some-other-key-that-is-long-enough-123456",
        algorithm="HS256",
        headers={"kid": "k9"},
    )
    with pytest.raises(jwt_auth.TokenError):
        jwt_auth.decode_access_token(forged)


def test_none_algorithm_rejected(member):
    forged = jwt.encode({"sub": "1", "typ": "access"}, None, algorithm="none", headers={"kid": "k1"})
    with pytest.raises(jwt_auth.TokenError):
        jwt_auth.decode_access_token(forged)


def test_login_link_purpose_checked(member):
    token = jwt_auth.issue_access_token(member)
    with pytest.raises(jwt_auth.TokenError):
        jwt_auth.decode_login_link_token(token)
