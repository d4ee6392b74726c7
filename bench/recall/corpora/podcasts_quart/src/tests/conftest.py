from __future__ import annotations

import os

import pytest
import pytest_asyncio

os.environ.setdefault("PODHAUS_ENV", "testing")

TEST_JWT_SECRET = "test-only-jwt-secret-0123456789abcdef0123456789"


@pytest.fixture
def app(monkeypatch):
    from podhaus import create_app
    from podhaus.config import TestingConfig

    monkeypatch.setattr(TestingConfig, "JWT_SECRET_KEY", TEST_JWT_SECRET)
    monkeypatch.setattr(TestingConfig, "SECRET_KEY", "test-session-secret")
    app = create_app("testing")
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest_asyncio.fixture
async def app_ctx(app):
    async with app.app_context():
        yield app
