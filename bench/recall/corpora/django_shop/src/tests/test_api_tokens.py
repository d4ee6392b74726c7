from datetime import timedelta

import jwt
import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from api.tokens import AUDIENCE, decode_access_token, issue_access_token

TEST_SIGNING_KEY = "test-only-signing-key-0123456789abcdef"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_key")]


@pytest.fixture
def signing_key():
    with override_settings(JWT_SIGNING_KEY=TEST_SIGNING_KEY):
        yield


@pytest.fixture
def customer():
    return get_user_model().objects.create_user(username="reader", email="reader@example.com", password="x" * 12)


def test_issued_token_round_trips(customer):
    claims = decode_access_token(issue_access_token(customer))
    assert claims["sub"] == str(customer.pk)
    assert claims["exp"] - claims["iat"] <= 15 * 60


def test_expired_token_is_rejected(customer):
    past = timezone.now() - timedelta(hours=1)
    token = jwt.encode(
        {"sub": str(customer.pk), "aud": AUDIENCE, "iat": past, "exp": past + timedelta(minutes=15)},
        TEST_SIGNING_KEY,
        algorithm="HS256",
    )
    with pytest.raises(jwt.ExpiredSignatureError):
        decode_access_token(token)


def test_unsigned_token_is_rejected(customer):
    token = jwt.encode({"sub": str(customer.pk), "aud": AUDIENCE}, None, algorithm="none")
    with pytest.raises(jwt.InvalidTokenError):
        decode_access_token(token)


def test_reading_list_requires_token(client):
    response = client.get("/api/v1/reading-list/")
    assert response.status_code == 401
