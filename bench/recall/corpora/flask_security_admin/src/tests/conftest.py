import uuid
from datetime import datetime

import pytest
from flask_security import hash_password

from clubhouse import create_app
from clubhouse.extensions import db as _db

TEST_PASSWORD = "correct horse battery staple"


@pytest.fixture()
def app():
    app = create_app(
        "testing",
        SECRET_KEY="pytest-secret-key",
        MOBILE_JWT_SECRET="pytest-signing-key-0123456789abcdef0123",
    )
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def member(app):
    user = app.user_datastore.create_user(
        email="ada@example.org",
        password=hash_password(TEST_PASSWORD),
        first_name="Ada",
        last_name="Lovelace",
        fs_uniquifier=uuid.uuid4().hex,
        confirmed_at=datetime.utcnow(),
    )
    _db.session.commit()
    return user
