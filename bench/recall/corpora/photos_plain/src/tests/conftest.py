import io

import pytest

from photos import create_app, db
from photos.config import TestingConfig
from photos.ratelimit import limiter


class TestConfig(TestingConfig):
    SECRET_KEY = "test-secret-key-not-used-anywhere-else"
    JWT_SECRET = "test-jwt-secret-0123456789abcdef0123456789"
    DOWNLOAD_TOKEN_SECRET = "test-download-secret-0123456789abcdef"
    WORKER_TOKEN = "test-worker-token"


@pytest.fixture
def app(tmp_path):
    TestConfig.DATABASE = str(tmp_path / "test.sqlite3")
    TestConfig.UPLOAD_FOLDER = str(tmp_path / "uploads")
    TestConfig.THUMB_FOLDER = str(tmp_path / "thumbs")
    app = create_app(TestConfig)
    with app.app_context():
        db.init_db()
    limiter.clear()
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


def get_csrf(client):
    client.get("/forgot")
    with client.session_transaction() as sess:
        return sess["_csrf_token"]


@pytest.fixture
def register(client):
    def _register(username="alice", email="alice@example.com", password="correct horse battery"):
        token = get_csrf(client)
        return client.post(
            "/register",
            data={
                "csrf_token": token,
                "username": username,
                "email": email,
                "password": password,
                "confirm": password,
            },
        )

    return _register


@pytest.fixture
def tiny_png():
    return io.BytesIO(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
        b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
