import os

import pytest

os.environ.setdefault("STOCKROOM_ENV", "test")
os.environ.setdefault("DATABASE_URL", "postgresql://localhost/stockroom_test")
os.environ.setdefault("STOCKROOM_JWT_SECRET", "test-only-jwt-secret-4c1d9e7f0a2b8c3d5e6f")
os.environ.setdefault("STOCKROOM_SECRET_KEY", "test-only-session-key")
os.environ.setdefault("LOG_JSON", "0")

import bcrypt  # noqa: E402
from falcon import testing  # noqa: E402

from stockroom import security  # noqa: E402


@pytest.fixture(autouse=True)
def fast_bcrypt(monkeypatch):
    monkeypatch.setattr(security, "_gensalt", lambda: bcrypt.gensalt(rounds=4))


@pytest.fixture
def app():
    from stockroom.app import create_app

    return create_app()


@pytest.fixture
def client(app):
    return testing.TestClient(app)


@pytest.fixture
def api_token():
    return security.issue_access_token("client:test", {"items:read", "items:write", "movements:read"})
