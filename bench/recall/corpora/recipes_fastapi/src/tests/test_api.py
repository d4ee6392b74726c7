from unittest.mock import AsyncMock, patch


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_register_rejects_mismatched_passwords(client, user_payload):
    user_payload["password_confirm"] = "something else"
    response = client.post("/api/v1/auth/register", json=user_payload)
    assert response.status_code == 422


def test_password_reset_does_not_reveal_accounts(client):
    with patch("app.services.users.get_user_by_email", new=AsyncMock(return_value=None)):
        response = client.post("/api/v1/auth/password-reset/request", json={"email": "nobody@example.com"})
    assert response.status_code == 202
    assert "on its way" in response.json()["detail"]


def test_login_form_has_csrf_field(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert 'name="csrf_token"' in response.text


def test_login_without_csrf_is_rejected(client):
    response = client.post("/login", data={"email": "a@example.com", "password": "x"})
    assert response.status_code == 403
