import os

os.environ.setdefault("ENVIRONMENT", "test")
os.environ.setdefault("TESTING", "true")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("HTTPS_REDIRECT", "false")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-used-anywhere-else")
os.environ.setdefault("JWT_SECRET", "test-jwt-secret-0123456789abcdef0123456789")
os.environ.setdefault("DATABASE_URL", "postgresql://bookings:bookings@localhost:5432/bookings")
os.environ.setdefault("PAYBRIDGE_API_KEY", "pb_test_51xTestOnlyKeyForLocalRuns")
os.environ.setdefault("PAYBRIDGE_WEBHOOK_SECRET", "whsec_test_secret")

import pytest  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from bookings.app import app  # noqa: E402
from bookings.db import database, metadata, sync_engine  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def schema():
    engine = sync_engine()
    metadata.drop_all(engine)
    metadata.create_all(engine)
    yield
    metadata.drop_all(engine)


@pytest.fixture
def client():
    with TestClient(app, base_url="https://testserver") as c:
        yield c


@pytest.fixture
async def db():
    await database.connect()
    yield database
    await database.disconnect()
