from datetime import datetime, timedelta, timezone

import jwt
import pytest

from shop.services import api_tokens, tokens


def test_access_token_round_trip(app, user):
    token = api_tokens.issue_access_token(user)
    claims = api_tokens.decode_access_token(token)
    assert claims["sub"] == "42"
    assert claims["typ"] == "access"


def test_access_token_carries_short_expiry(app, user):
    token = api_tokens.issue_access_token(user)
    # Only inspecting the claims the app wrote; verification is covered above.
    claims = jwt.decode(token, options={"verify_signature": False})
    lifetime = claims["exp"] - claims["iat"]
    assert lifetime <= 15 * 60


def test_expired_access_token_rejected(app, user):
    past = datetime.now(timezone.utc) - timedelta(hours=2)
    token = jwt.encode(
        {"iss": "cornershop", "sub": "42", "typ": "access", "iat": past, "exp": past + timedelta(minutes=15)},
        app.config["API_JWT_SECRET"],
        algorithm="HS256",
    )
    with pytest.raises(api_tokens.TokenError):
        api_tokens.decode_access_token(token)


def test_refresh_token_is_not_an_access_token(app, user):
    with pytest.raises(api_tokens.TokenError):
        api_tokens.decode_access_token(api_tokens.issue_refresh_token(user))


def test_reset_token_round_trip(app, user):
    token = tokens.make_reset_token(user)
    assert tokens.load_reset_token(token) == {"uid": 42, "stamp": "4b1f0c1e"}


def test_confirm_token_cannot_be_used_as_reset_token(app):
    token = tokens.make_confirm_token("ada@example.com")
    with pytest.raises(tokens.InvalidToken):
        tokens.load_reset_token(token)
