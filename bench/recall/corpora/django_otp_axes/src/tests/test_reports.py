from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from accounts.models import Department
from expenses import reports
from expenses.models import Category, Claim, ClaimLine

TEST_PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def claimant(db):
    dept = Department.objects.create(code="ENG", name="Engineering", cost_centre="CC100")
    return get_user_model().objects.create_user("alice", "alice@example.com", TEST_PASSWORD, department=dept)


@pytest.fixture
def approved_claim(claimant):
    claim = Claim.objects.create(owner=claimant, title="Conference travel", status=Claim.Status.APPROVED)
    category = Category.objects.create(name="Travel", gl_code="6100")
    ClaimLine.objects.create(
        claim=claim, category=category, spent_on=date(2024, 3, 4), merchant="GWR", amount=Decimal("84.50")
    )
    return claim


def test_department_spend_groups_by_user(approved_claim):
    rows = reports.department_spend("ENG", date(2024, 3, 1), date(2024, 3, 31))
    assert rows == [{"username": "alice", "total": Decimal("84.50")}]


def test_status_breakdown_only_counts_requested_status(approved_claim):
    assert reports.status_breakdown(Claim.Status.SUBMITTED) == []


def test_login_page_renders(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
