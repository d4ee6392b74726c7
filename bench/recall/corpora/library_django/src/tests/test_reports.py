import pytest

from circulation.managers import ORDERINGS
from circulation.models import Loan


@pytest.mark.django_db
def test_unknown_sort_falls_back_to_default(monkeypatch):
    captured = {}

    class FakeCursor:
        description = [("loan_id",)]

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def execute(self, sql, params=None):
            captured["sql"] = sql

        def fetchall(self):
            return []

    monkeypatch.setattr("circulation.managers.connection.cursor", lambda: FakeCursor())
    Loan.objects.overdue_report(sort="title; DROP TABLE circulation_loan")
    assert captured["sql"].rstrip().endswith(ORDERINGS["days"])
