import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from .conftest import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed(volunteer):
    volunteer.refresh_from_db()
    assert volunteer.password.startswith("pbkdf2_sha256$")
    assert volunteer.check_password(TEST_PASSWORD)


def test_login_sets_http_only_cookies(api_client, volunteer):
    EmailAddress.objects.create(user=volunteer, email=volunteer.email, primary=True, verified=True)
    response = api_client.post(reverse("rest_login"), {"email": volunteer.email, "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert response.cookies["hh-access"]["httponly"]
    assert response.cookies["hh-refresh"]["httponly"]


def test_login_is_throttled(api_client, volunteer, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"login": "2/min"}}
    url = reverse("rest_login")
    codes = [api_client.post(url, {"email": volunteer.email, "password": "nope"}).status_code for _ in range(3)]
    assert codes[-1] == 429


def test_registration_creates_profile(api_client):
    response = api_client.post(
        reverse("rest_register"),
        {
            "email": "new@example.org",
            "password1": TEST_PASSWORD,
            "password2": TEST_PASSWORD,
            "display_name": "  New   Person ",
            "accept_terms": True,
        },
    )
    assert response.status_code == 201
    assert EmailAddress.objects.get(email="new@example.org").user.profile.display_name == "New Person"
