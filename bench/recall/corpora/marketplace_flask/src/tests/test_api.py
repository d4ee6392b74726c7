import jwt

from marketplace.api.tokens import decode_access_token, issue_access_token


def test_token_endpoint(client, user):
    resp = client.post("/api/v1/auth/token", json={"email": user.email, "password": "correct horse battery"})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["token_type"] == "Bearer"
    assert body["refresh_token"]


def test_token_endpoint_rejects_bad_password(client, user):
    resp = client.post("/api/v1/auth/token", json={"email": user.email, "password": "wrong"})
    assert resp.status_code == 401


def test_access_token_roundtrip(app, user):
    token = issue_access_token(user)
    decoded_user, claims = decode_access_token(token)
    assert decoded_user.id == user.id
    assert claims["scope"] == "mobile"


def test_tampered_token_rejected(app, user):
    token = issue_access_token(user)
    claims = jwt.decode(token, options={"verify_signature": False})
    forged = jwt.encode(claims, "some-other-key-that-is-long-enough!!", algorithm="HS256")
    try:
        decode_access_token(forged)
    except jwt.InvalidTokenError:
        pass
    else:
        raise AssertionError("forged token accepted")
    assert token != forged


def test_me_requires_token(client):
    assert client.get("/api/v1/me").status_code == 401
