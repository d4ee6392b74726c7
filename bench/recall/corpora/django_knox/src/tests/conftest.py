import pytest
from rest_framework.test import APIClient

from .factories import PortfolioFactory, UserFactory


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def landlord(db):
    user = UserFactory(role="landlord")
    user.portfolio = PortfolioFactory(owner=user)
    user.save()
    return user


@pytest.fixture
def landlord_client(api_client, landlord):
    api_client.force_authenticate(landlord)
    return api_client
