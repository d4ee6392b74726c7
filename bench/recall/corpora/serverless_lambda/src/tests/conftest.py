import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "layer" / "python")]

os.environ.setdefault("STAGE", "test")
os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
os.environ.setdefault("JWT_SECRET", "test-only-signing-key-0123456789abcdef")

TEST_WEBHOOK_SECRET = "whsec_test_3c1d0b7e5a9f4e21"


@pytest.fixture(autouse=True)
def _fresh_settings():
    from tablebook.config import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def http_event(method="GET", path="/", body="", query=None, headers=None, cookies=None, auth=None):
    return {
        "version": "2.0",
        "rawPath": path,
        "queryStringParameters": query,
        "headers": headers or {},
        "cookies": cookies or [],
        "body": body,
        "isBase64Encoded": False,
        "requestContext": {
            "http": {"method": method, "path": path, "sourceIp": "203.0.113.7"},
            "authorizer": {"lambda": auth} if auth else {},
        },
    }
