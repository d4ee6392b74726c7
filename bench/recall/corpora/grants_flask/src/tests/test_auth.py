from grants.tokens import generate_reset_token, load_reset_token

from .conftest import make_user


def test_login_success(client, applicant):
    resp = client.post(
        "/login",
        data={"email": applicant.email, "password": "correct horse battery"},
        follow_redirects=False,
    )
    assert resp.status_code == 302


def test_legacy_hash_is_upgraded(db):
    import hashlib

    user = make_user(db, email="legacy@example.org")
    salt = "abcd"
    user.password_hash = "sha256$" + salt + "$" + hashlib.sha256((salt + "old-password").encode()).hexdigest()
    db.session.commit()

    assert user.check_password("old-password")
    assert not user.password_hash.startswith("sha256$")


def test_reset_token_single_use(app, db, applicant):
    token = generate_reset_token(applicant)
    assert load_reset_token(token) == applicant
    applicant.set_password("a brand new password")
    db.session.commit()
    assert load_reset_token(token) is None
