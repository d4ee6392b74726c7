import pytest
from rest_framework.test import APIClient

from accounts.models import VolunteerProfile
from volunteering.models import Membership, Organisation

TEST_PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def volunteer(django_user_model):
    user = django_user_model.objects.create_user(email="vol@example.org", password=TEST_PASSWORD)
    VolunteerProfile.objects.create(user=user, display_name="Vol")
    return user


@pytest.fixture
def organisation():
    return Organisation.objects.create(name="Leeds Food Bank", slug="leeds-food-bank", city="Leeds")


@pytest.fixture
def coordinator(django_user_model, organisation):
    user = django_user_model.objects.create_user(email="coord@example.org", password=TEST_PASSWORD)
    VolunteerProfile.objects.create(user=user, display_name="Coord")
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.COORDINATOR)
    return user
