import jwt

from conftest import TEST_PASSWORD


def test_token_requires_valid_password(client, member):
    resp = client.post("/api/v1/auth/token", json={"email": member.email, "password": "wrong password"})
    assert resp.status_code == 401


def test_token_pair_and_access(client, member, app):
    resp = client.post("/api/v1/auth/token", json={"email": member.email, "password": TEST_PASSWORD})
    assert resp.status_code == 200
    tokens = resp.get_json()
    claims = jwt.decode(tokens["access_token"], app.config["MOBILE_JWT_SECRET"], algorithms=["HS256"])
    assert claims["type"] == "access"
    assert "exp" in claims

    events = client.get("/api/v1/events", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert events.status_code == 200


def test_refresh_token_cannot_be_used_as_access_token(client, member):
    tokens = client.post("/api/v1/auth/token", json={"email": member.email, "password": TEST_PASSWORD}).get_json()
    resp = client.get("/api/v1/events", headers={"Authorization": f"Bearer {tokens['refresh_token']}"})
    assert resp.status_code == 401


def test_forgot_password_does_not_reveal_accounts(client):
    resp = client.post("/api/v1/auth/forgot", json={"email": "nobody@example.org"})
    assert resp.status_code == 202
