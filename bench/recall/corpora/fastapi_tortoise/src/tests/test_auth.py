from jose import jwt

from app.core.security import create_access_token, decode_access_token, hash_password, verify_password
from app.models import User

PASSWORD = "correct horse battery staple"


async def _make_user(email: str = "ana@lingua.test") -> User:
    return await User.create(email=email, full_name="Ana Silva", hashed_password=hash_password(PASSWORD))


def test_password_hash_roundtrip():
    hashed = hash_password(PASSWORD)
    assert hashed != PASSWORD
    assert verify_password(PASSWORD, hashed)
    assert not verify_password("wrong password", hashed)


def test_access_token_has_expiry_and_scope():
    token = create_access_token("42", "student")
    claims = jwt.get_unverified_claims(token)
    assert claims["sub"] == "42"
    assert "exp" in claims
    assert decode_access_token(token)["scope"] == "access"


async def test_login_returns_token_pair(client):
    await _make_user()
    response = await client.post("/api/v1/auth/token", data={"username": "ana@lingua.test", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["refresh_token"]


async def test_login_rejects_wrong_password(client):
    await _make_user()
    response = await client.post("/api/v1/auth/token", data={"username": "ana@lingua.test", "password": "nope"})
    assert response.status_code == 401


async def test_refresh_rotates_token(client):
    await _make_user()
    login = await client.post("/api/v1/auth/token", data={"username": "ana@lingua.test", "password": PASSWORD})
    first = login.json()["refresh_token"]
    rotated = await client.post("/api/v1/auth/token/refresh", json={"refresh_token": first})
    assert rotated.status_code == 200
    reused = await client.post("/api/v1/auth/token/refresh", json={"refresh_token": first})
    assert reused.status_code == 401
