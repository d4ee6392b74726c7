import pytest

from fleet import create_app
from fleet.extensions import db
from fleet.models import ApiClient, Depot, Driver, User

TEST_API_KEY = "flt_test_0123456789abcdef0123456789abcdef"
TEST_PASSWORD = "correct horse battery staple"


@pytest.fixture()
def app():
    app = create_app("testing")
    app.config.update(SECRET_KEY="test-secret-key", SERVER_NAME="fleet.test")
    with app.app_context():
        db.create_all()
        depot = Depot(code="TST1", name="Test depot")
        db.session.add(depot)
        admin = User(email="admin@fleet.test", full_name="Ada Admin", role="admin", depot=depot)
        admin.set_password(TEST_PASSWORD)
        driver = Driver(first_name="Dee", last_name="River", phone="+447700900001", depot=depot)
        driver.set_pin("4321")
        db.session.add_all(
            [admin, driver, ApiClient(name="fuelco", api_key=TEST_API_KEY, scopes="read cards:write")]
        )
        db.session.commit()
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def staff_token(client):
    resp = client.post("/api/v1/auth/token", json={"email": "admin@fleet.test", "password": TEST_PASSWORD})
    assert resp.status_code == 200
    return resp.get_json()["access_token"]
