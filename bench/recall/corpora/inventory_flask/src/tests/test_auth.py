from app.models import PasswordReset


def test_login_logout(client, login):
    resp = login()
    assert resp.status_code == 302
    resp = client.get("/")
    assert resp.status_code == 200


def test_login_wrong_password(login):
    assert login("nope").status_code == 401


def test_password_reset_flow(client, manager):
    client.post("/auth/forgot-password", data={"email": manager.email})
    reset = PasswordReset.query.filter_by(user_id=manager.id).one()
    resp = client.post(
        "/auth/reset-password",
        data={"email": manager.email, "code": reset.code, "password": "a new long password", "confirm": "a new long password"},
    )
    assert resp.status_code == 302
    assert manager.check_password("a new long password")
