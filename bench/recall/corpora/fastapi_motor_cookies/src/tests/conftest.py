import os

os.environ.setdefault("ENVIRONMENT", "test")
os.environ.setdefault("JWT_SECRET", "pytest-only-signing-key-3f9a0c7d51e24b68a1d0")
os.environ.setdefault("COOKIE_SECURE", "false")

import pytest  # noqa: E402
from bson import ObjectId  # noqa: E402

from app.security.passwords import hash_password  # noqa: E402

TEST_PASSWORD = "correct horse battery staple"


class FakeUserRepository:
    def __init__(self, *users: dict):
        self.by_email = {user["email"]: user for user in users}
        self.rehashed: list = []

    async def get_by_email(self, email: str):
        return self.by_email.get(email.strip().lower())

    async def get_by_id(self, user_id):
        return next((u for u in self.by_email.values() if str(u["_id"]) == str(user_id)), None)

    async def set_password_hash(self, user_id, password_hash: str) -> None:
        self.rehashed.append(user_id)


@pytest.fixture
def member() -> dict:
    return {
        "_id": ObjectId(),
        "email": "ada@example.org",
        "display_name": "Ada",
        "password_hash": hash_password(TEST_PASSWORD),
        "role": "member",
        "is_active": True,
    }


@pytest.fixture
def member_password() -> str:
    return TEST_PASSWORD


@pytest.fixture
def users(member) -> FakeUserRepository:
    return FakeUserRepository(member)
