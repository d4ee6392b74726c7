import os

os.environ.setdefault("ENVIRONMENT", "development")
os.environ.setdefault("DATABASE_URL", "sqlite+aiosqlite:///:memory:")
os.environ.setdefault("SESSION_SECRET", "test-session-secret")
os.environ.setdefault("SECRET_KEY", "test-only-signing-key-0123456789abcdef")

from datetime import datetime, timedelta, timezone  # noqa: E402

import jwt  # noqa: E402
import pytest  # noqa: E402
from passlib.context import CryptContext  # noqa: E402

from app.core import security  # noqa: E402
from app.core.config import settings  # noqa: E402


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    # bcrypt at production cost makes the suite crawl.
    monkeypatch.setattr(security, "pwd_context", CryptContext(schemes=["bcrypt"], bcrypt__rounds=4))


def test_password_roundtrip():
    hashed = security.hash_password("correct horse battery staple")
    assert security.verify_password("correct horse battery staple", hashed)
    assert not security.verify_password("wrong", hashed)


def test_access_token_carries_expiry():
    token = security.create_access_token(7, "member", 1)
    payload = jwt.decode(token, settings.SECRET_KEY, algorithms=[settings.JWT_ALGORITHM])
    assert payload["sub"] == "7"
    assert payload["exp"] - payload["iat"] == settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60


def test_expired_access_token_rejected():
    past = datetime.now(timezone.utc) - timedelta(hours=2)
    token = jwt.encode(
        {"sub": "7", "type": "access", "iat": past, "exp": past + timedelta(minutes=5)},
        settings.SECRET_KEY,
        algorithm="HS256",
    )
    with pytest.raises(jwt.ExpiredSignatureError):
        security.decode_access_token(token)


def test_refresh_token_is_not_an_access_token():
    token = security.create_refresh_token(7, 1)
    with pytest.raises(jwt.InvalidTokenError):
        security.decode_access_token(token)
