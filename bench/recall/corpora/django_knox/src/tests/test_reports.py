from datetime import date

import pytest
from django.urls import reverse

from .factories import BuildingFactory, LeaseFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_rent_roll_lists_active_leases(landlord_client, landlord):
    building = BuildingFactory(portfolio=landlord.portfolio)
    LeaseFactory(unit=UnitFactory(building=building), start_date=date(2024, 1, 1))
    response = landlord_client.get(reverse("reports:rent-roll"))
    assert response.status_code == 200
    assert len(response.data["rows"]) == 1


def test_occupancy_counts_units(landlord_client, landlord):
    building = BuildingFactory(portfolio=landlord.portfolio)
    UnitFactory.create_batch(3, building=building)
    response = landlord_client.get(reverse("reports:occupancy"))
    assert response.data["buildings"][0]["total"] == 3
