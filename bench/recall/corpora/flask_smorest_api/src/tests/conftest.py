import pytest

from fleetops import create_app
from fleetops.extensions import db as _db
from fleetops.models import Depot, User

TEST_JWT_SECRET = "test-only-jwt-secret-0123456789abcdef"


@pytest.fixture()
def app():
    app = create_app("testing")
    app.config.update(JWT_SECRET_KEY=TEST_JWT_SECRET, SHARE_LINK_SECRET="test-share-secret")
    with app.app_context():
        _db.create_all()
        depot = Depot(code="NTH", name="North Yard")
        _db.session.add(depot)
        _db.session.flush()
        tech = User(email="tech@example.com", full_name="Tess Tech", role="technician", depot_id=depot.id)
        tech.set_password("correct horse battery")
        _db.session.add(tech)
        _db.session.commit()
        yield app
        _db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def auth_headers(client):
    resp = client.post(
        "/api/v1/auth/token",
        json={"email": "tech@example.com", "password": "correct horse battery"},
    )
    return {"Authorization": f"Bearer {resp.get_json()['access_token']}"}
