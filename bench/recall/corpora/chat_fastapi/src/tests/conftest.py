import os

os.environ.setdefault("ENVIRONMENT", "test")
os.environ.setdefault("JWT_SECRET_KEY", "pytest-only-signing-key-8c1f4e2a9b7d6035")
os.environ.setdefault("REDIS_URL", "memory://")
os.environ.setdefault("MAILER_WEBHOOK_SECRET", "pytest-webhook-secret")

import pytest  # noqa: E402
import pytest_asyncio  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

from app.db import SessionLocal, engine  # noqa: E402
from app.main import app  # noqa: E402
from app.services import users  # noqa: E402
from app.services.connections import hub  # noqa: E402

TEST_PASSWORD = "correct horse battery"


@pytest_asyncio.fixture(autouse=True)
async def _schema():
    from app import models  # noqa: F401

    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
    yield
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.drop_all)


@pytest.fixture(autouse=True)
def _no_redis(monkeypatch):
    async def _noop():
        return None

    monkeypatch.setattr(hub, "start", _noop)
    monkeypatch.setattr(hub, "stop", _noop)


@pytest.fixture(autouse=True)
def _no_mail(monkeypatch):
    sent: list[tuple] = []

    async def fake_send(to, subject, text, html=None):
        sent.append((to, subject, text))

    monkeypatch.setattr("app.services.email._send", fake_send)
    return sent


@pytest_asyncio.fixture
async def client():
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


@pytest_asyncio.fixture
async def alice():
    async with SessionLocal() as session:
        user = await users.create_user(
            session, email="alice@example.com", display_name="Alice", password=TEST_PASSWORD, verified=True
        )
        await session.commit()
        return user


@pytest_asyncio.fixture
async def alice_token(client, alice):
    resp = await client.post(
        "/api/v1/auth/login",
        data={"username": "alice@example.com", "password": TEST_PASSWORD},
    )
    assert resp.status_code == 200, resp.text
    return resp.json()["access_token"]
