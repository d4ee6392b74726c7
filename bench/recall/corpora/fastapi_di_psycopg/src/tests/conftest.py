import os

import pytest

os.environ.setdefault("INVOICING_DATABASE_URL", "postgresql://localhost:5432/invoicing_test")
os.environ.setdefault("INVOICING_ENVIRONMENT", "test")

from invoicing.security import passwords  # noqa: E402
from invoicing.security.tokens import TokenService  # noqa: E402

TEST_JWT_SECRET = "test-only-jwt-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0"


@pytest.fixture(autouse=True)
def fast_bcrypt(monkeypatch):
    monkeypatch.setattr(passwords, "BCRYPT_ROUNDS", 4)


@pytest.fixture
def jwt_secret() -> str:
    return TEST_JWT_SECRET


@pytest.fixture
def token_service(jwt_secret) -> TokenService:
    return TokenService(
        secret=jwt_secret,
        algorithm="HS256",
        access_ttl_minutes=15,
        refresh_ttl_days=14,
        share_audience="invoice-share",
    )
