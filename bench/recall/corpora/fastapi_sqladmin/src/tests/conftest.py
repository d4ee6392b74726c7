import os

os.environ.setdefault("DATABASE_URL", "sqlite+aiosqlite:///./test.db")
os.environ.setdefault("SESSION_SECRET_KEY", "test-session-secret-not-used-in-prod-0001")
os.environ.setdefault("PAYMENTS_WEBHOOK_SECRET", "test-webhook-secret-not-used-in-prod-0001")
os.environ.setdefault("JWT_SECRET_KEY", "test-jwt-secret-not-used-in-production-01")

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from app.main import app  # noqa: E402


@pytest.fixture
def client() -> TestClient:
    return TestClient(app, base_url="https://backoffice.harbor-pm.example")
