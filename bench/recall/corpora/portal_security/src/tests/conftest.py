import secrets

import pytest

from coverpoint import create_app
from coverpoint.extensions import db as _db
from coverpoint.services.partners import create_partner

TEST_SETTINGS = {
    "SECRET_KEY": "test-secret-key-for-pytest-only",
    "SECURITY_PASSWORD_SALT": secrets.token_hex(16),
    "PARTNER_TOKEN_SECRET": secrets.token_urlsafe(48),
    "CARRIER_WEBHOOK_SECRETS": {"acme": "pytest-webhook-secret"},
    "SERVER_NAME": "portal.test",
}


@pytest.fixture()
def app():
    app = create_app("testing", TEST_SETTINGS)
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def partner(app):
    partner, raw_key = create_partner("Compare-a-Cover", "api@compare-a-cover.test")
    partner.raw_key = raw_key
    return partner
