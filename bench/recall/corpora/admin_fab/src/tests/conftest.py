import secrets

import pytest

from dispatchdesk import create_app
from dispatchdesk.extensions import db


class TestConfig:
    TESTING = True
    DISPATCHDESK_ENV = "test"
    SECRET_KEY = "test-only-not-a-real-secret"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    TALISMAN_FORCE_HTTPS = False
    TRACKING_LINK_SECRET = secrets.token_urlsafe(32)
    TRACKING_BASE_URL = "http://tracking.test"
    MAIL_SUPPRESS_SEND = True
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"


@pytest.fixture()
def app():
    app = create_app(overrides=TestConfig)
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()
