import pytest

from marketplace import create_app
from marketplace.extensions import db as _db
from marketplace.models import User

TEST_SETTINGS = {
    "SECRET_KEY": "test-secret-key-not-used-anywhere-else",
    "JWT_SECRET_KEY": "test-jwt-signing-key-0123456789abcdef",
    "STRIPE_SECRET_KEY": "sk_test_dummy",
    "SERVER_NAME": "localhost",
}


@pytest.fixture()
def app():
    app = create_app("testing")
    app.config.update(TEST_SETTINGS)
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def user(app):
    u = User(email="alice@example.com", username="alice")
    u.set_password("correct horse battery")
    _db.session.add(u)
    _db.session.commit()
    return u


@pytest.fixture()
def login(client, user):
    def _login(password="correct horse battery"):
        return client.post(
            "/auth/login",
            data={"email": user.email, "password": password},
            follow_redirects=False,
        )

    return _login
