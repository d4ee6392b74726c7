import os
import sqlite3
from pathlib import Path

import pytest

os.environ.setdefault("KIOSK_ENV", "test")
os.environ["KIOSK_DATABASE_URL"] = "sqlite:///:memory:"
os.environ["KIOSK_DEVICE_KEY"] = "test-device-key-for-unit-tests-only"
os.environ["KIOSK_AUTH_STAFF_JWT_KEY"] = "test-staff-jwt-key-0123456789abcdef"
os.environ["KIOSK_PAYMENTS_WEBHOOK_SECRET"] = "whsec_test_fixture"

SCHEMA = Path(__file__).resolve().parent.parent / "migrations" / "schema.sql"


@pytest.fixture
def database():
    from kiosk import db

    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA.read_text())
    db.db._local.conn = conn
    yield db
    conn.close()
    db.db._local.conn = None


@pytest.fixture
def film_and_showing(database):
    film_id = database.insert("films", {
        "title": "The Third Man", "rating": "PG", "runtime_minutes": 104, "synopsis": "*Vienna*, 1948.",
    })
    database.insert("screens", {"number": 1, "rows": 5, "seats_per_row": 8})
    showing_id = database.insert("showings", {
        "film_id": film_id, "screen": 1, "starts_at": "2099-01-01 19:30:00", "show_date": "2099-01-01",
        "price_cents": 950, "seats_total": 40, "seats_sold": 0, "cancelled": 0,
    })
    return film_id, showing_id
