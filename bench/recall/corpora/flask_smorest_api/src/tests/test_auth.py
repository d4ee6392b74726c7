def test_token_with_valid_credentials(client):
    resp = client.post(
        "/api/v1/auth/token",
        json={"email": "tech@example.com", "password": "correct horse battery"},
    )
    assert resp.status_code == 200
    assert "access_token" in resp.get_json()


def test_token_rejects_wrong_password(client):
    resp = client.post("/api/v1/auth/token", json={"email": "tech@example.com", "password": "nope"})
    assert resp.status_code == 401


def test_password_reset_does_not_reveal_accounts(client):
    resp = client.post("/api/v1/auth/password-reset", json={"email": "nobody@example.com"})
    assert resp.status_code == 202


def test_work_orders_require_token(client):
    assert client.get("/api/v1/work-orders/").status_code == 401


def test_work_orders_list(client, auth_headers):
    resp = client.get("/api/v1/work-orders/", headers=auth_headers)
    assert resp.status_code == 200
