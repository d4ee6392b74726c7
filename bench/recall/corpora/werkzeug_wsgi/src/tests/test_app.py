import jwt
import pytest

from docsign.services.tokens import ApiTokenService


@pytest.fixture
def login(client, csrf_from):
    def do_login(email, password):
        token = csrf_from(client.get("/login"))
        return client.post("/login", data={"email": email, "password": password, "csrf_token": token})

    return do_login


def test_login_redirects_on_success(client, user, login):
    response = login(user["email"], user["password"])
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_login_rejects_wrong_password(client, user, login):
    response = login(user["email"], "wrong password!!")
    assert response.status_code == 200
    assert "Invalid e-mail or password" in response.get_data(as_text=True)


def test_login_without_csrf_token_is_rejected(client, user, login):
    response = client.post("/login", data={"email": user["email"], "password": user["password"]})
    assert response.status_code == 403


def test_login_is_rate_limited(client, user, login):
    for _ in range(5):
        login(user["email"], "nope nope nope")
    assert login(user["email"], user["password"]).status_code == 429


def test_session_cookie_flags(client, user, login):
    response = login(user["email"], user["password"])
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("docsign_session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_register_rejects_mismatched_passwords(client, csrf_from):
    token = csrf_from(client.get("/register"))
    response = client.post(
        "/register",
        data={
            "email": "bob@corp.example",
            "full_name": "Bob",
            "password": "a long enough password",
            "password_confirm": "another long password",
            "csrf_token": token,
        },
    )
    assert "do not match" in response.get_data(as_text=True)


# --- JSON API ---------------------------------------------------------------


def test_token_endpoint_issues_short_lived_jwt(app, client, api_client):
    response = client.post("/api/token", data=api_client)
    assert response.status_code == 200
    token = response.json["access_token"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["sub"] == api_client["client_id"]
    assert claims["exp"] - claims["iat"] == app.config.API_TOKEN_TTL


def test_token_endpoint_rejects_bad_secret(client, api_client):
    response = client.post("/api/token", data={**api_client, "client_secret": "wrong"})
    assert response.status_code == 401


def test_api_requires_authentication(client):
    assert client.get("/api/documents").status_code == 401


def test_bearer_token_lists_documents(client, api_client):
    token = client.post("/api/token", data=api_client).json["access_token"]
    response = client.get("/api/documents", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json == {"documents": []}


def test_verify_round_trip(app):
    service = ApiTokenService(app.config)
    token = service.issue({"client_id": "cli_x", "scopes": "documents:read"})
    assert service.verify(token)["sub"] == "cli_x"
