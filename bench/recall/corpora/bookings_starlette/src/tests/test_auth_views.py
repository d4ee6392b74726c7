def test_login_page_renders(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert 'name="csrf_token"' in response.text


def test_login_post_without_csrf_token_is_rejected(client):
    response = client.post("/login", data={"email": "a@example.com", "password": "x"})
    assert response.status_code == 403


def test_session_cookie_flags(client):
    response = client.get("/login")
    header = response.headers.get("set-cookie", "").lower()
    assert "hh_session=" in header
    assert "httponly" in header
    assert "secure" in header


def test_security_headers(client):
    response = client.get("/login")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
