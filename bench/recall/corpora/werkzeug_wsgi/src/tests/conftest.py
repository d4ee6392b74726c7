import re

import pytest
from werkzeug.test import Client

from docsign import create_app
from docsign.config import TestingConfig
from docsign.repositories import ApiClientRepository, UserRepository
from docsign.services.passwords import hash_password


class Config(TestingConfig):
    SECRET_KEY = "test-secret-key"
    JWT_SIGNING_KEY = "test-jwt-signing-key-0123456789abcdef"
    DOWNLOAD_LINK_KEYS = {"k1": "test-download-key-0123456789abcdef"}
    STORAGE_DIR = "/tmp/docsign-test-files"


@pytest.fixture
def app():
    app = create_app(Config())
    app.db.init_schema()
    yield app
    app.db.close()


@pytest.fixture
def client(app):
    return Client(app)


@pytest.fixture
def user(app):
    user_id = UserRepository(app.db).create("alice@corp.example", "Alice Example", hash_password("correct horse battery"))
    return {"id": user_id, "email": "alice@corp.example", "password": "correct horse battery"}


@pytest.fixture
def api_client(app, user):
    ApiClientRepository(app.db).create("cli_test", "s3cret-for-tests", user["id"])
    return {"client_id": "cli_test", "client_secret": "s3cret-for-tests"}


@pytest.fixture
def csrf_from():
    def extract(response):
        match = re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True))
        assert match, "form has no csrf token"
        return match.group(1)

    return extract
