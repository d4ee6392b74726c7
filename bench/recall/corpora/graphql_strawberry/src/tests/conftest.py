"""Test fixtures. Needs a throwaway Postgres: createdb shiftboard_test && alembic upgrade head."""
from __future__ import annotations

import os
import random
from collections.abc import Iterator

os.environ["APP_ENV"] = "testing"
os.environ.setdefault("DATABASE_URL", "postgresql+psycopg://localhost:5432/shiftboard_test")

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session  # noqa: E402

from shiftboard.auth.passwords import hash_password  # noqa: E402
from shiftboard.db import engine, get_session  # noqa: E402
from shiftboard.main import app  # noqa: E402
from shiftboard.models import Organization, User  # noqa: E402

TEST_PASSWORD = "correct-horse-battery-9"
FIRST_NAMES = ["Ana", "Bilal", "Chen", "Dora", "Emeka", "Fatima", "Gus", "Hana"]


@pytest.fixture
def db() -> Iterator[Session]:
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    try:
        yield session
    finally:
        session.close()
        transaction.rollback()
        connection.close()


@pytest.fixture
def client(db: Session) -> Iterator[TestClient]:
    app.dependency_overrides[get_session] = lambda: db
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


@pytest.fixture
def org(db: Session) -> Organization:
    org = Organization(name="Test Pantry", slug=f"test-{random.randint(1000, 9999)}", timezone="Europe/London")
    db.add(org)
    db.commit()
    db.refresh(org)
    return org


@pytest.fixture
def make_user(db: Session, org: Organization):
    def _make(role: str = "volunteer", is_staff: bool = False, **fields) -> User:
        name = random.choice(FIRST_NAMES)
        user = User(
            org_id=org.id,
            email=fields.pop("email", f"{name.lower()}.{random.randint(1, 99999)}@example.test"),
            display_name=fields.pop("display_name", name),
            hashed_password=hash_password(TEST_PASSWORD),
            role=role,
            is_staff=is_staff,
            **fields,
        )
        db.add(user)
        db.commit()
        db.refresh(user)
        return user

    return _make
