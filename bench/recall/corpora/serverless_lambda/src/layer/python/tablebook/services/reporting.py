"""Owner-facing reports served from the RDS reporting database."""
from contextlib import closing
from datetime import date, timedelta

from .. import rds
from ..repositories import reports as reports_repo

DEFAULT_PERIOD_DAYS = 30


def _period(start: str = None, end: str = None):
    end_date = date.fromisoformat(end) if end else date.today()
    start_date = date.fromisoformat(start) if start else end_date - timedelta(days=DEFAULT_PERIOD_DAYS)
    return start_date, end_date


def covers(restaurant_id: str, start=None, end=None, sort="date", direction="asc"):
    start_date, end_date = _period(start, end)
    with closing(rds.connect()) as conn:
        return reports_repo.covers_by_day(conn, restaurant_id, start_date, end_date, sort, direction)


def guest_history(restaurant_id: str, email: str):
    with closing(rds.connect()) as conn:
        visits = reports_repo.guest_visits(conn, restaurant_id, email)
        ids = [visit["reservation_id"] for visit in visits]
        charges = reports_repo.charges_for(conn, ids)
    return {"visits": visits, "charges": charges}


def top_dishes(restaurant_id: str, limit: str = "10", days: int = DEFAULT_PERIOD_DAYS):
    since = date.today() - timedelta(days=days)
    with closing(rds.connect()) as conn:
        return reports_repo.top_dishes(conn, restaurant_id, since, limit)


def search_guests(restaurant_id: str, term: str):
    with closing(rds.connect()) as conn:
        return reports_repo.search_guests(conn, restaurant_id, term.strip())
