import jwt

import settings
from utils import crypto


def login(client, username, password):
    return client.post("/login", data={"username": username, "password": password})


def test_login_ok(client, local_user):
    resp = login(client, "carol", "correct horse battery")
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith("/")


def test_login_wrong_password(client, local_user):
    resp = login(client, "carol", "nope")
    assert resp.status_code == 401


def test_pages_need_login(client):
    resp = client.get("/tickets")
    assert resp.status_code == 302
    assert "/login" in resp.headers["Location"]


def test_hasher_roundtrip():
    hasher = crypto.PasswordHasher()
    encoded = hasher.hash("s3cret password")
    assert hasher.verify("s3cret password", encoded)
    assert not hasher.verify("other", encoded)
    assert not hasher.verify("s3cret password", "garbage")


def test_webhook_signature():
    body = b'{"from": "a@b.c"}'
    sig = "sha256=" + crypto.sign_payload(body, "k")
    assert crypto.verify_webhook_signature(body, sig, "k")
    assert not crypto.verify_webhook_signature(body, sig, "other")
    assert not crypto.verify_webhook_signature(body, None, "k")


def test_api_token(client, local_user):
    resp = client.post("/api/token", json={"username": "carol", "password": "correct horse battery"})
    assert resp.status_code == 200
    token = resp.get_json()["access_token"]
    claims = jwt.decode(token, settings.API_JWT_SECRET, algorithms=["HS256"], issuer="helpdesk")
    assert claims["sub"] == str(local_user)
    assert "exp" in claims

    resp = client.get("/api/tickets", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 200
    assert resp.get_json()["tickets"] == []


def test_api_rejects_foreign_issuer(client, local_user):
    token = jwt.encode({"sub": str(local_user), "iss": "someone-else", "exp": 9999999999, "iat": 0},
                       "whatever-key-whatever-key-whatever", algorithm="HS256")
    resp = client.get("/api/tickets", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 401
