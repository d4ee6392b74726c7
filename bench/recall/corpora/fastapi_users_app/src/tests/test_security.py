import os

os.environ.setdefault("INVOICELY_ENVIRONMENT", "development")
os.environ.setdefault("INVOICELY_DATABASE_URL", "sqlite+aiosqlite:///./test.db")
os.environ.setdefault("INVOICELY_JWT_SECRET", "test-only-jwt-secret-0123456789abcdef")
os.environ.setdefault("INVOICELY_RESET_PASSWORD_TOKEN_SECRET", "test-only-reset-secret")
os.environ.setdefault("INVOICELY_VERIFICATION_TOKEN_SECRET", "test-only-verify-secret")
os.environ.setdefault("INVOICELY_PAYMENTS_WEBHOOK_SECRET", "test-only-webhook-secret")

import hashlib  # noqa: E402
import hmac  # noqa: E402
import time  # noqa: E402

import jwt  # noqa: E402
import pytest  # noqa: E402
import pytest_asyncio  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402

from app.db import Base, engine  # noqa: E402
from app.main import app  # noqa: E402
from app.services import email as email_service  # noqa: E402
from app.services.links import load_invoice_token  # noqa: E402
from app.services.payments import verify_signature  # noqa: E402

TEST_PASSWORD = "correct-horse-battery-staple"


@pytest_asyncio.fixture(autouse=True)
async def database():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)


@pytest.fixture(autouse=True)
def no_mail(monkeypatch):
    sent = []
    monkeypatch.setattr(email_service.mailer, "enqueue", sent.append)
    return sent


@pytest_asyncio.fixture
async def client():
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="https://testserver") as c:
        yield c


async def register_and_login(client: AsyncClient, email: str = "owner@example.com") -> str:
    response = await client.post("/auth/register", json={"email": email, "password": TEST_PASSWORD})
    assert response.status_code == 201, response.text
    response = await client.post("/auth/jwt/login", data={"username": email, "password": TEST_PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


@pytest.mark.asyncio
async def test_api_token_carries_audience_and_expiry(client):
    token = await register_and_login(client)
    # only inspecting the claims here; the server verifies the signature
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["aud"] == ["invoicely:api"]
    assert "exp" in claims


@pytest.mark.asyncio
async def test_token_signed_with_another_key_is_rejected(client):
    await register_and_login(client)
    forged = jwt.encode({"sub": "00000000-0000-0000-0000-000000000000", "aud": ["invoicely:api"]}, "not-the-server-key", algorithm="HS256")
    response = await client.get("/users/me", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401


@pytest.mark.asyncio
async def test_cookie_login_is_rate_limited(client):
    await register_and_login(client, "limit@example.com")
    codes = [
        (await client.post("/auth/cookie/login", data={"username": "limit@example.com", "password": "wrong"})).status_code
        for _ in range(12)
    ]
    assert 429 in codes


@pytest.mark.asyncio
async def test_web_post_without_csrf_token_is_refused(client):
    await register_and_login(client, "csrf@example.com")
    await client.post("/auth/cookie/login", data={"username": "csrf@example.com", "password": TEST_PASSWORD})
    response = await client.post("/invoices", data={"customer_id": "x"})
    assert response.status_code == 403


def test_tampered_public_link_is_rejected():
    assert load_invoice_token("not-a-real-token") is None


def test_webhook_signature():
    body = b'{"event_type": "transaction.completed"}'
    ts = str(int(time.time()))
    good = hmac.new(b"s3cr3t", ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    assert verify_signature(body, f"ts={ts};h1={good}", "s3cr3t")
    assert not verify_signature(body, f"ts={ts};h1={'0' * 64}", "s3cr3t")
    assert not verify_signature(body, f"ts={int(ts) - 3600};h1={good}", "s3cr3t")
