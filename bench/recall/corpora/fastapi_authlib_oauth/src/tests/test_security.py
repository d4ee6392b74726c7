import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from devportal.config import get_settings
from devportal.routers.webhooks import verify_github_signature
from devportal.security.keys import KEY_PREFIX, generate_api_key, hash_api_key, split_prefix
from devportal.security.passwords import hash_password, verify_password
from devportal.security.tokens import (
    TokenError,
    decode_access_token,
    decode_refresh_token,
    issue_access_token,
    issue_refresh_token,
)


def _signing_key() -> str:
    return get_settings().jwt_signing_keys["test-1"].get_secret_value()


def test_generated_key_round_trip() -> None:
    key = generate_api_key()
    assert key.raw.startswith(KEY_PREFIX)
    assert split_prefix(key.raw) == key.prefix
    assert key.key_hash == hash_api_key(key.raw)


@pytest.mark.parametrize("raw", ["", "sk_live_abc", "dp_live_", "dp_live_nosecret"])
def test_split_prefix_rejects_malformed_keys(raw: str) -> None:
    assert split_prefix(raw) is None


def test_access_token_round_trip() -> None:
    token = issue_access_token("key:7", ["usage:read"], org_id=3)
    claims = decode_access_token(token)
    assert claims["sub"] == "key:7"
    assert claims["org"] == 3
    assert claims["scope"] == "usage:read"


def test_refresh_token_is_not_an_access_token() -> None:
    with pytest.raises(TokenError):
        decode_access_token(issue_refresh_token("key:7", org_id=3))
    assert decode_refresh_token(issue_refresh_token("key:7", org_id=3))["use"] == "refresh"


def test_expired_access_token_is_rejected() -> None:
    now = datetime.now(UTC)
    claims = {"sub": "key:1", "org": 1, "use": "access", "iss": get_settings().jwt_issuer,
              "iat": now - timedelta(hours=2), "exp": now - timedelta(hours=1)}
    token = jwt.encode(claims, _signing_key(), algorithm="HS256", headers={"kid": "test-1"})
    with pytest.raises(TokenError):
        decode_access_token(token)


def test_unsigned_token_is_rejected() -> None:
    token = jwt.encode({"sub": "key:1", "org": 1, "use": "access"}, key=None, algorithm="none", headers={"kid": "test-1"})
    with pytest.raises(TokenError):
        decode_access_token(token)


def test_staff_password_hashing() -> None:
    password_hash, salt = hash_password("correct horse battery staple")
    assert verify_password("correct horse battery staple", password_hash, salt)
    assert not verify_password("Correct horse battery staple", password_hash, salt)


def test_github_signature() -> None:
    body = b'{"action": "revoked"}'
    good = "sha256=" + hmac.new(b"s3", body, hashlib.sha256).hexdigest()
    assert verify_github_signature(b"s3", body, good)
    assert not verify_github_signature(b"s3", body, "sha256=" + "0" * 64)
    assert not verify_github_signature(b"s3", body, None)
