import os
import uuid

import pytest

os.environ.setdefault("GATEPASS_ENV", "test")

from gatepass.config import Settings  # noqa: E402


class TestSettings(Settings):
    ENV = "test"
    SECRET_KEY = "pytest-only-secret-key-not-used-anywhere-else"
    JWT_SECRET = SECRET_KEY
    DATABASE_URL = os.getenv("TEST_DATABASE_URL", "postgresql://localhost:5432/gatepass_test")
    REDIS_URL = os.getenv("TEST_REDIS_URL", "redis://localhost:6379/15")
    RATE_LIMIT_ENABLED = False
    SESSION_COOKIE_SECURE = False
    HSTS_SECONDS = 0


@pytest.fixture
def settings():
    return TestSettings


@pytest.fixture
def app(settings):
    from gatepass.app import create_app

    # Sanic keeps a registry of app names, so each test gets a fresh one
    return create_app(settings, name=f"gatepass-test-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def user():
    return {
        "id": 41,
        "email": "ada@example.com",
        "full_name": "Ada Lovelace",
        "role": "customer",
        "session_version": 3,
        "password_hash": None,
    }
