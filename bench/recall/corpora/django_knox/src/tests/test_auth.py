import pytest
from django.urls import reverse

from .factories import DEFAULT_TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_login_returns_knox_token(api_client):
    user = UserFactory(email="tenant@example.com")
    response = api_client.post(
        reverse("auth:login"), {"username": user.email, "password": DEFAULT_TEST_PASSWORD}, format="json"
    )
    assert response.status_code == 200
    assert response.data["token"].startswith("rwk_")
    assert response.data["user"]["email"] == "tenant@example.com"


def test_login_rejects_wrong_password(api_client):
    user = UserFactory()
    response = api_client.post(
        reverse("auth:login"), {"username": user.email, "password": "not-the-password"}, format="json"
    )
    assert response.status_code == 400


def test_password_is_hashed_on_create():
    user = UserFactory()
    assert user.password != DEFAULT_TEST_PASSWORD
    assert user.check_password(DEFAULT_TEST_PASSWORD)
