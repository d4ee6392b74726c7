import os
import secrets

import pytest

os.environ.setdefault("JWT_SECRET_KEY", secrets.token_urlsafe(48))
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(48))

from fieldsurvey import create_app  # noqa: E402
from fieldsurvey.models import Enumerator, Survey, User  # noqa: E402

TEST_PASSWORD = "correct-horse-battery-staple"
TEST_PASSPHRASE = "kestrel-river-42"


@pytest.fixture()
def app():
    app = create_app("testing")
    with app.app_context():
        yield app
        for model in (Enumerator, Survey, User):
            model.drop_collection()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def user(app):
    user = User(email="coordinator@example.org", full_name="Ana Coordinator", role="coordinator", confirmed=True)
    user.set_password(TEST_PASSWORD)
    user.save()
    return user


@pytest.fixture()
def survey(user):
    survey = Survey(title="Wetland birds 2024", slug="wetland-birds-2024", owner=user, status="active", region="Delta")
    survey.save()
    return survey


@pytest.fixture()
def enumerator(survey):
    enumerator = Enumerator(code="T01", display_name="Tablet team 1", surveys=[survey])
    enumerator.set_passphrase(TEST_PASSPHRASE)
    enumerator.save()
    return enumerator
