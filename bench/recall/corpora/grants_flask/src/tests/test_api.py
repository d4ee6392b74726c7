import jwt

from grants.api.tokens import create_access_token, decode_access_token


def _login(client, email, password="correct horse battery"):
    resp = client.post("/api/auth/token", json={"email": email, "password": password})
    assert resp.status_code == 200, resp.json
    return resp.json["access_token"]


def test_token_has_expiry(app, applicant):
    token = create_access_token(applicant)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert "exp" in claims
    assert claims["sub"] == str(applicant.id)


def test_tampered_token_rejected(app, applicant):
    token = create_access_token(applicant)
    forged = jwt.encode(
        {**decode_access_token(token), "role": "admin"}, "not-the-key", algorithm="HS256",
        headers={"kid": "test"},
    )
    try:
        decode_access_token(forged)
    except jwt.InvalidSignatureError:
        pass
    else:
        raise AssertionError("forged token accepted")


def test_create_and_list_application(client, applicant, open_round):
    token = _login(client, applicant.email)
    headers = {"Authorization": f"Bearer {token}"}
    resp = client.post(
        "/api/applications/",
        json={"round_id": open_round.id, "title": "Test project", "requested_amount": "500.00"},
        headers=headers,
    )
    assert resp.status_code == 201
    resp = client.get("/api/applications/", headers=headers)
    assert [a["title"] for a in resp.json] == ["Test project"]

