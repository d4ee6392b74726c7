import os
import sys

import pytest
from tornado.options import options

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import forum.config  # noqa: E402,F401  (registers the options)

TEST_JWT_SECRET = "k1:test-only-signing-key-0123456789abcdef0123456789"


@pytest.fixture(autouse=True)
def forum_options():
    saved = {name: getattr(options, name) for name in ("jwt_secret", "api_token_ttl", "env", "site_url")}
    options.jwt_secret = TEST_JWT_SECRET
    options.api_token_ttl = 900
    options.env = "test"
    options.site_url = "http://testserver"
    yield options
    for name, value in saved.items():
        setattr(options, name, value)


@pytest.fixture
def member():
    return {"id": 42, "username": "ada", "role": "member", "email": "ada@example.org"}
