import os

os.environ.setdefault("TIX_ENV", "testing")
os.environ.setdefault("TIX_SECRET_KEY", "test-secret-key-not-used-anywhere-else-0000")
os.environ.setdefault("TIX_JWT_SECRET", "test-jwt-secret-not-used-anywhere-else-00000")
os.environ.setdefault("TIX_DATABASE_URL", "postgresql://localhost:5432/ticketeer_test")
os.environ.setdefault("TIX_ALLOWED_HOSTS", '["testserver"]')

import pytest  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402

from app.main import app  # noqa: E402


@pytest.fixture
async def client():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://testserver") as c:
        yield c
