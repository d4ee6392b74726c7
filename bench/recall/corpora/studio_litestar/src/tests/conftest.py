"""Test configuration. Values here are throwaway and only used by the test suite."""

from __future__ import annotations

import os

os.environ.update(
    {
        "ENVIRONMENT": "test",
        "DB_URL": "sqlite+aiosqlite:///:memory:",
        "REDIS_URL": "redis://localhost:6379/15",
        "SECURITY_JWT_SECRET": "test-jwt-secret-not-used-anywhere-else-0001",
        "SECURITY_DOWNLOAD_SIGNING_KEY": "test-download-key-not-used-anywhere-else-02",
        "PAYMENTS_API_KEY": "sk_test_dummy",
    }
)

import pytest  # noqa: E402

from studio.config.settings import PaymentSettings, get_settings  # noqa: E402

TEST_WEBHOOK_SECRET = "whsec_unit_tests_only_0f3c9a"


@pytest.fixture(autouse=True)
def _fresh_settings() -> None:
    get_settings.cache_clear()


@pytest.fixture
def webhook_secret() -> str:
    return TEST_WEBHOOK_SECRET


@pytest.fixture
def payment_settings(webhook_secret: str) -> PaymentSettings:
    return PaymentSettings(webhook_secret=webhook_secret, api_key="sk_test_dummy")
