import pytest
from flask import Flask

from shop.config import TestingConfig
from shop.extensions import bcrypt


@pytest.fixture()
def app():
    """A bare app with the testing config - enough for token and hashing tests
    that don't need the database."""
    app = Flask("shop-tests")
    app.config.from_object(TestingConfig)
    app.config.update(SECRET_KEY="test-secret-key", API_JWT_SECRET="test-jwt-key-0123456789abcdef0123")
    bcrypt.init_app(app)
    with app.app_context():
        yield app


@pytest.fixture()
def user():
    return {"id": 42, "email": "ada@example.com", "is_staff": False, "security_stamp": "4b1f0c1e", "is_active": True}
