from datetime import timedelta

import jwt
import pytest
from django.utils import timezone

from accounts.tokens import TokenError, decode_access_token, issue_access_token

from .conftest import TEST_JWT_SIGNING_KEY, TEST_PASSWORD


def test_access_token_roundtrip(employee_user):
    token = issue_access_token(employee_user)
    claims = decode_access_token(token)
    assert claims["sub"] == str(employee_user.pk)
    assert claims["typ"] == "access"


def test_expired_access_token_rejected(employee_user):
    now = timezone.now()
    token = jwt.encode(
        {"iss": "payroll-ninja", "sub": str(employee_user.pk), "typ": "access", "exp": now - timedelta(minutes=1)},
        TEST_JWT_SIGNING_KEY,
        algorithm="HS256",
    )
    with pytest.raises(TokenError):
        decode_access_token(token)


@pytest.mark.django_db
def test_login_returns_token_pair(api_client, employee_user):
    response = api_client.post(
        "/api/v1/auth/token",
        {"username": "jdoe", "password": TEST_PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert {"access", "refresh", "expires_in"} <= response.json().keys()


@pytest.mark.django_db
def test_partner_key(api_client, department):
    response = api_client.get(
        "/api/v1/payroll/partner/headcount",
        HTTP_X_PARTNER_ID="acme-pensions",
        HTTP_X_PARTNER_KEY="test-partner-key",
    )
    assert response.status_code == 200
