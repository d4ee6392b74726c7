from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.queries import attendance_for_shifts, volunteer_leaderboard
from volunteering.models import Opportunity, Shift, ShiftSignup

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended_shift(organisation, volunteer):
    opportunity = Opportunity.objects.create(
        organisation=organisation, title="Sorting", slug="sorting", summary="Sort donations", is_published=True
    )
    start = timezone.now() - timedelta(days=1)
    shift = Shift.objects.create(opportunity=opportunity, starts_at=start, ends_at=start + timedelta(hours=2))
    ShiftSignup.objects.create(shift=shift, volunteer=volunteer).mark_attended()
    return shift


def test_leaderboard_ignores_unknown_ordering(organisation, attended_shift):
    rows = volunteer_leaderboard(organisation.pk, order="total_hours; DROP TABLE x")
    assert rows[0]["display_name"] == "Vol"


def test_attendance_uses_only_given_shifts(attended_shift):
    rows = attendance_for_shifts([attended_shift.pk])
    assert rows == [{"shift_id": attended_shift.pk, "status": "attended", "n": 1}]


def test_leaderboard_requires_coordinator(api_client, volunteer, organisation):
    api_client.force_authenticate(volunteer)
    response = api_client.get(reverse("report-leaderboard", args=[organisation.slug]))
    assert response.status_code == 403
