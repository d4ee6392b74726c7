import jwt

from conftest import TEST_PASSPHRASE, TEST_PASSWORD


def test_token_login_returns_short_lived_access_token(client, user):
    response = client.post("/api/v1/auth/token", json={"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 200
    body = response.get_json()

    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["sub"] == str(user.id)
    assert claims["type"] == "access"
    assert claims["exp"] - claims["iat"] <= 15 * 60


def test_token_login_rejects_wrong_password(client, user):
    response = client.post("/api/v1/auth/token", json={"email": user.email, "password": "nope"})
    assert response.status_code == 401


def test_api_rejects_tampered_token(client, user):
    token = client.post("/api/v1/auth/token", json={"email": user.email, "password": TEST_PASSWORD}).get_json()["access_token"]
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get("/api/v1/surveys", headers={"Authorization": f"Bearer {tampered}"})
    assert response.status_code == 401


def test_enumerator_gets_sync_token(client, survey, enumerator):
    response = client.post(
        "/api/v1/auth/enumerator",
        json={"code": "t01", "passphrase": TEST_PASSPHRASE, "survey_id": str(survey.id)},
    )
    assert response.status_code == 200
    assert "sync_token" in response.get_json()


def test_password_hash_is_not_plaintext(user):
    assert TEST_PASSWORD not in user.password_hash
    assert user.check_password(TEST_PASSWORD)
    assert not user.check_password(TEST_PASSWORD.upper())


def test_login_page_contains_csrf_field(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    html = client.get("/auth/login").get_data(as_text=True)
    assert 'name="csrf_token"' in html
