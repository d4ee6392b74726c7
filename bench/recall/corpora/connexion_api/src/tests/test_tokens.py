import jwt

from labtrack.services import tokens

TEST_PASSWORD = "Correct-Horse-42"


def test_issued_token_carries_expiry_and_audience(connexion_app, staff_user):
    token, expires_in = tokens.issue_access_token(staff_user)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == expires_in
    assert claims["aud"] == "labtrack-api"
    assert claims["sub"] == str(staff_user.id)


def test_decode_rejects_token_signed_with_other_key(connexion_app, staff_user):
    token, _ = tokens.issue_access_token(staff_user)
    forged = jwt.encode(jwt.decode(token, options={"verify_signature": False}), "another-key-of-sufficient-length-000", algorithm="HS256")
    try:
        tokens.decode_access_token(forged)
    except jwt.InvalidSignatureError:
        return
    raise AssertionError("forged token accepted")


def test_token_endpoint(client, staff_user):
    response = client.post("/api/v1/auth/token", json={"email": staff_user.email, "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert response.json()["token_type"] == "Bearer"


def test_token_endpoint_rejects_bad_password(client, staff_user):
    response = client.post("/api/v1/auth/token", json={"email": staff_user.email, "password": "nope"})
    assert response.status_code == 401
