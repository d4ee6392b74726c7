import os

os.environ.setdefault("PULSE_ENVIRONMENT", "development")
os.environ.setdefault("PULSE_JWT_SECRET", "test-only-secret-not-used-anywhere-else-0123")
os.environ.setdefault("PULSE_METRICS_PASSWORD", "scrape-test")
os.environ.setdefault("PULSE_REDIS_URL", "memory://")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_test_9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e")

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

TEST_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]


@pytest.fixture(scope="session")
def app():
    from app.main import create_app

    return create_app()


@pytest.fixture()
def client(app):
    with TestClient(app) as c:
        yield c
