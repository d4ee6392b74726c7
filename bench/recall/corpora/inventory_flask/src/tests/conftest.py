import pytest

from app import create_app
from app.extensions import db as _db
from app.models import Role, ScannerOperator, User, Warehouse

TEST_SETTINGS = {
    "SECRET_KEY": "test-secret-key-do-not-use",
    "JWT_SECRET_KEY": "test-jwt-signing-key-0123456789abcdef",
    "ERP_SYNC_TOKEN": "erp-test-token",
    "SUPPLIER_WEBHOOK_SECRET": "whsec-test",
    "MAIL_DEFAULT_SENDER": "test@example.com",
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
def warehouse(app):
    wh = Warehouse(code="TST1", name="Test warehouse")
    _db.session.add(wh)
    _db.session.commit()
    return wh


@pytest.fixture()
def manager(app):
    user = User(email="manager@example.com", full_name="Test Manager", role=Role.MANAGER)
    user.set_password("correct horse battery")
    _db.session.add(user)
    _db.session.commit()
    return user


@pytest.fixture()
def operator(app, warehouse):
    op = ScannerOperator(badge_number="B1001", name="Test Operator", pin="4321", warehouse=warehouse)
    _db.session.add(op)
    _db.session.commit()
    return op


@pytest.fixture()
def login(client, manager):
    def _login(password="correct horse battery"):
        return client.post("/auth/login", data={"email": manager.email, "password": password})

    return _login
