from datetime import datetime, timedelta, timezone

import jwt

from conftest import PARTNER_KEY


def test_token_requires_a_valid_key(client, partner):
    resp = client.post("/partner/api/token", headers={"X-Partner-Key": "sp_wrong"})
    assert resp.status_code == 401


def test_token_is_issued_for_a_valid_key(client, partner):
    resp = client.post("/partner/api/token", headers={"X-Partner-Key": PARTNER_KEY})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 15 * 60


def test_unsigned_token_is_rejected(client, partner):
    forged = jwt.encode({"sub": str(partner.id), "scope": "revenue:read"}, None, algorithm="none")
    resp = client.get("/partner/api/v1/regions", headers={"Authorization": f"Bearer {forged}"})
    assert resp.status_code == 401


def test_expired_token_is_rejected(app, client, partner):
    past = datetime.now(timezone.utc) - timedelta(hours=2)
    expired = jwt.encode(
        {"sub": str(partner.id), "iat": past, "exp": past + timedelta(minutes=15)},
        app.config["PARTNER_JWT_KEY"],
        algorithm="HS256",
    )
    resp = client.get("/partner/api/v1/regions", headers={"Authorization": f"Bearer {expired}"})
    assert resp.status_code == 401


def test_missing_credentials_are_rejected(client):
    assert client.get("/partner/api/v1/regions").status_code == 401
