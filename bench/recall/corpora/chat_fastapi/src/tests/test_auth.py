import pytest
from sqlmodel import select

from app.core.security import create_access_token, decode_token, hash_password, verify_password
from app.db import SessionLocal
from app.models import PasswordReset

from .conftest import TEST_PASSWORD

pytestmark = pytest.mark.asyncio


async def test_hash_roundtrip():
    hashed = hash_password("s3cret-enough-password")
    assert hashed.startswith("$2b$12$")
    assert verify_password("s3cret-enough-password", hashed)
    assert not verify_password("wrong", hashed)


async def test_access_token_roundtrip():
    token = create_access_token(7, role="member")
    claims = decode_token(token)
    assert claims["sub"] == "7"
    assert "exp" in claims


async def test_login_and_me(client, alice_token):
    resp = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {alice_token}"})
    assert resp.status_code == 200
    assert resp.json()["email"] == "alice@example.com"


async def test_login_wrong_password(client, alice):
    resp = await client.post("/api/v1/auth/login", data={"username": alice.email, "password": "nope-nope-nope"})
    assert resp.status_code == 401


async def test_password_reset_flow(client, alice, _no_mail):
    resp = await client.post("/api/v1/auth/password-reset/request", json={"email": alice.email})
    assert resp.status_code == 202
    async with SessionLocal() as session:
        reset = (await session.exec(select(PasswordReset))).first()
    resp = await client.post(
        "/api/v1/auth/password-reset/confirm",
        json={
            "email": alice.email,
            "code": reset.code,
            "new_password": "brand-new-password-1",
            "confirm_password": "brand-new-password-1",
        },
    )
    assert resp.status_code == 200, resp.text
    resp = await client.post("/api/v1/auth/login", data={"username": alice.email, "password": TEST_PASSWORD})
    assert resp.status_code == 401
