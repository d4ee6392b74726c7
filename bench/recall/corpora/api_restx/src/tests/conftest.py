import secrets

import mongomock
import mongoengine
import pytest

from pawprint import create_app
from pawprint.models.accounts import StaffUser
from pawprint.models.clinics import Clinic

TEST_SECRET_KEY = "pytest-only-signing-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0"


@pytest.fixture()
def app(monkeypatch):
    monkeypatch.setenv("FLASK_CONFIG", "testing")
    monkeypatch.setattr(
        "pawprint.init_mongo",
        lambda app: mongoengine.connect(
            "pawprint_test", host="mongodb://localhost", mongo_client_class=mongomock.MongoClient
        ),
    )
    app = create_app("testing")
    app.config.update(
        SECRET_KEY=TEST_SECRET_KEY,
        JWT_SECRET_KEY=TEST_SECRET_KEY,
        PAYMENT_WEBHOOK_SECRET=TEST_SECRET_KEY,
        SERVER_NAME="pawprint.test",
    )
    yield app
    mongoengine.disconnect()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def clinic(app):
    with app.app_context():
        return Clinic(name="Test Clinic", slug="test", api_key=secrets.token_urlsafe(16)).save()


@pytest.fixture()
def vet(app, clinic):
    with app.app_context():
        user = StaffUser(email="vet@example.com", full_name="Vera Vet", role="vet", clinic=clinic)
        user.set_password("correct-horse-42")
        return user.save()
