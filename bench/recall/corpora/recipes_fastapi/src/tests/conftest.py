import os

os.environ.setdefault("ENVIRONMENT", "test")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-0123456789abcdefghijklmnop")
os.environ.setdefault("MONGODB_DB", "recipes_test")
os.environ.setdefault("AUDIT_DB_PATH", "/tmp/recipes-test-audit.sqlite3")
os.environ.setdefault("RATE_LIMIT_STORAGE_URI", "memory://")

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402


@pytest.fixture(scope="session")
def app():
    from app.main import create_app

    return create_app()


@pytest.fixture()
def client(app):
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture()
def user_payload():
    return {
        "email": "cook@example.com",
        "full_name": "Test Cook",
        "password": "correct horse battery",
        "password_confirm": "correct horse battery",
    }
