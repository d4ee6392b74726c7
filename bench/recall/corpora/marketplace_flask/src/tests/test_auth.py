from marketplace.services.passwords import check_password, hash_password, hash_temporary_password
from marketplace.services.tokens import confirm_token, generate_confirmation_token


def test_password_roundtrip():
    stored = hash_password("hunter2hunter2")
    assert check_password(stored, "hunter2hunter2")
    assert not check_password(stored, "hunter3hunter3")


def test_temporary_password_roundtrip():
    stored = hash_temporary_password("tmp-pass-123")
    assert check_password(stored, "tmp-pass-123")
    assert not check_password(stored, "tmp-pass-124")


def test_login_success_redirects(login):
    resp = login()
    assert resp.status_code == 302


def test_login_wrong_password(login):
    resp = login("nope")
    assert resp.status_code == 401


def test_confirmation_token_roundtrip(app):
    with app.test_request_context():
        token = generate_confirmation_token("bob@example.com")
        assert confirm_token(token) == "bob@example.com"
        assert confirm_token(token + "x") is None


def test_register_creates_user(client, app):
    resp = client.post(
        "/auth/register",
        data={
            "email": "carol@example.com",
            "username": "carol",
            "password": "long enough password",
            "confirm": "long enough password",
        },
    )
    assert resp.status_code == 302
