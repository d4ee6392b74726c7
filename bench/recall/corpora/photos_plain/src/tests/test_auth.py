from photos import models
from photos.security import hash_password, verify_password

from .conftest import get_csrf


def test_hash_roundtrip():
    stored = hash_password("s3cret-enough")
    assert verify_password(stored, "s3cret-enough")
    assert not verify_password(stored, "wrong")


def test_register_and_login(client, register, app):
    resp = register()
    assert resp.status_code == 302
    client.post("/logout", data={"csrf_token": get_csrf(client)})

    token = get_csrf(client)
    resp = client.post("/login", data={"csrf_token": token, "login": "alice", "password": "correct horse battery"})
    assert resp.status_code == 302
    with app.app_context():
        assert models.get_user_by_username("alice")["last_login_at"] is not None


def test_login_requires_csrf(client, register):
    register()
    resp = client.post("/login", data={"login": "alice", "password": "correct horse battery"})
    assert resp.status_code == 400


def test_wrong_password(client, register):
    register()
    client.post("/logout", data={"csrf_token": get_csrf(client)})
    token = get_csrf(client)
    resp = client.post("/login", data={"csrf_token": token, "login": "alice", "password": "nope"})
    assert resp.status_code == 401


def test_login_is_rate_limited(client, register):
    register()
    client.post("/logout", data={"csrf_token": get_csrf(client)})
    token = get_csrf(client)
    codes = [
        client.post("/login", data={"csrf_token": token, "login": "alice", "password": "nope"}).status_code
        for _ in range(12)
    ]
    assert 429 in codes


def test_api_token(client, register):
    register()
    resp = client.post("/api/v1/token", json={"username": "alice", "password": "correct horse battery"})
    assert resp.status_code == 200
    access = resp.get_json()["access_token"]
    me = client.get("/api/v1/me", headers={"Authorization": "Bearer " + access})
    assert me.get_json()["username"] == "alice"
