import random
import string

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import EmailVerification, User

TEST_PASSWORD = "correct-horse-battery-staple-42"


def random_email():
    local = "".join(random.choices(string.ascii_lowercase, k=10))
    return f"{local}@example.test"


@pytest.fixture
def api_client():
    return APIClient()


@pytest.mark.django_db
def test_register_hashes_password_and_sends_code(api_client, mailoutbox):
    email = random_email()
    response = api_client.post(
        reverse("accounts-api:register"),
        {"email": email, "display_name": "Wren", "role": "seller", "password": TEST_PASSWORD},
        format="json",
    )
    assert response.status_code == 201
    user = User.objects.get(email=email)
    assert user.password != TEST_PASSWORD
    assert user.check_password(TEST_PASSWORD)
    assert EmailVerification.objects.filter(user=user).count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_token_contains_role_claim(api_client):
    user = User.objects.create_user(email=random_email(), password=TEST_PASSWORD, role="seller")
    response = api_client.post(
        reverse("accounts-api:token-obtain"), {"email": user.email, "password": TEST_PASSWORD}, format="json"
    )
    assert response.status_code == 200
    assert "access" in response.data


@pytest.mark.django_db
def test_wrong_code_does_not_verify(api_client):
    user = User.objects.create_user(email=random_email(), password=TEST_PASSWORD)
    EmailVerification.objects.create(user=user, code="123456")
    api_client.force_authenticate(user)
    response = api_client.post(reverse("accounts-api:verify-email"), {"code": "654321"}, format="json")
    assert response.status_code == 400
    user.refresh_from_db()
    assert not user.email_verified
