import datetime

import jwt

from .conftest import TEST_PASSWORD

TEST_JWT_SECRET = "testing-jwt-secret-with-at-least-32-bytes"


def _login(client, password=TEST_PASSWORD):
    return client.post("/api/v1/token", json={"email": "grower@example.org", "password": password})


def test_token_roundtrip(client, member):
    resp = _login(client)
    assert resp.status_code == 200
    token = resp.get_json()["access_token"]
    plots = client.get("/api/v1/plots", headers={"Authorization": f"Bearer {token}"})
    assert plots.status_code == 200
    assert plots.get_json()["plots"][0]["number"] == "12A"


def test_wrong_password_rejected(client, member):
    assert _login(client, password="not the password").status_code == 401


def test_expired_token_rejected(client, member):
    past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=2)
    token = jwt.encode(
        {"sub": str(member.id), "typ": "access", "iat": past, "exp": past + datetime.timedelta(minutes=5)},
        TEST_JWT_SECRET,
        algorithm="HS256",
    )
    resp = client.get("/api/v1/plots", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 401


def test_refresh_token_is_single_use(client, member):
    refresh = _login(client).get_json()["refresh_token"]
    first = client.post("/api/v1/token/refresh", json={"refresh_token": refresh})
    assert first.status_code == 200
    second = client.post("/api/v1/token/refresh", json={"refresh_token": refresh})
    assert second.status_code == 401


def test_webhook_requires_signature(client):
    resp = client.post("/webhooks/payments", data=b"{}", headers={"X-Payment-Signature": "t=1,v1=00"})
    assert resp.status_code == 400
