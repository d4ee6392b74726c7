from __future__ import annotations

import os

# Settings are read at import time, so configure the environment before importing the app.
os.environ["ENVIRONMENT"] = "development"
os.environ["JWT_SECRET_KEY"] = "pytest-only-jwt-secret-0000000000000000000000"
os.environ["SESSION_SECRET_KEY"] = "pytest-only-session-secret-000000000000000000"
os.environ["SLACK_SIGNING_SECRET"] = "pytest-slack-signing-secret"
os.environ.setdefault("DATABASE_URL", os.getenv("TEST_DATABASE_URL", "postgresql+psycopg://localhost:5432/hr_test"))
os.environ.setdefault("REDIS_URL", "memory://")

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402


@pytest.fixture(scope="session")
def app():
    from app.main import create_app

    return create_app()


@pytest.fixture()
def client(app):
    with TestClient(app, base_url="http://localhost") as test_client:
        yield test_client
