from datetime import timedelta
from decimal import Decimal

import pytest

from grants import create_app
from grants.extensions import db as _db
from grants.models import FundingRound, Program, User, utcnow

TEST_SECRET_KEY = "test-secret-key-for-pytest-only"
TEST_JWT_KEY = "test-jwt-signing-key-0123456789abcdef"


@pytest.fixture
def app(monkeypatch):
    app = create_app("testing")
    app.config.update(
        SECRET_KEY=TEST_SECRET_KEY,
        JWT_SIGNING_KEYS={"test": TEST_JWT_KEY},
        JWT_CURRENT_KID="test",
        SERVER_NAME="grants.test",
    )
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def open_round(db):
    program = Program(code="TEST", name="Test programme")
    funding_round = FundingRound(
        program=program,
        name="Round 1",
        opens_at=utcnow() - timedelta(days=1),
        closes_at=utcnow() + timedelta(days=1),
        budget=Decimal("1000.00"),
    )
    db.session.add_all([program, funding_round])
    db.session.commit()
    return funding_round


def make_user(db, email="user@example.org", password="correct horse battery", role="applicant", confirmed=True):
    user = User(email=email, name="Test User", role=role, confirmed=confirmed)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def applicant(db):
    return make_user(db)


@pytest.fixture
def reviewer(db):
    return make_user(db, email="reviewer@example.org", role="reviewer")
