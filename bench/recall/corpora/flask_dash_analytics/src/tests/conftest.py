import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from salesportal import create_app  # noqa: E402
from salesportal.extensions import db as _db  # noqa: E402
from salesportal.models import PartnerClient, User  # noqa: E402

PARTNER_KEY = "sp_test_partner_key"


@pytest.fixture
def app():
    app = create_app("testing")
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def analyst(app):
    user = User(email="ana@example.com", full_name="Ana Lyst", role="analyst", approved=True)
    user.set_password("correct-horse-battery-staple")
    _db.session.add(user)
    _db.session.commit()
    return user


@pytest.fixture
def partner(app):
    client = PartnerClient(
        name="Acme Distribution",
        contact_email="it@acme.example",
        key_prefix=PARTNER_KEY[:8],
        key_hash=PartnerClient.hash_key(PARTNER_KEY),
        regions="DACH",
    )
    _db.session.add(client)
    _db.session.commit()
    return client
