import os

os.environ["ENVIRONMENT"] = "development"
os.environ["DATABASE_URL"] = "sqlite://:memory:"
os.environ.setdefault("JWT_SECRET", "test-only-jwt-secret-0123456789abcdef0123")
os.environ.setdefault("INTERNAL_API_KEY", "test-internal-key")
os.environ.setdefault("PAYMENTS_WEBHOOK_SECRET", "test-webhook-secret")

import pytest  # noqa: E402
from fastapi_limiter import FastAPILimiter  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402
from tortoise import Tortoise, connections  # noqa: E402

from app.main import create_app  # noqa: E402


class _NoopRedis:
    async def evalsha(self, *args, **kwargs):
        return 0

    async def script_load(self, *args, **kwargs):
        return "noop"

    async def close(self):
        return None


@pytest.fixture
async def db():
    await Tortoise.init(db_url="sqlite://:memory:", modules={"models": ["app.models"]})
    await Tortoise.generate_schemas()
    yield
    await connections.close_all()


@pytest.fixture
async def client(db):
    await FastAPILimiter.init(_NoopRedis())
    app = create_app()
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as ac:
        yield ac
