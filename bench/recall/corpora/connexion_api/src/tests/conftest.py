import pytest

from labtrack.app import create_app
from labtrack.database import get_engine, get_session
from labtrack.models import Base, User
from labtrack.services.passwords import hash_password

TEST_PASSWORD = "Correct-Horse-42"


@pytest.fixture()
def connexion_app():
    app = create_app("testing")
    app.app.config.update(
        SECRET_KEY="test-secret-key",
        JWT_SIGNING_KEY="test-signing-key-0123456789abcdef0123456789",
        CELERY={"task_always_eager": True, "broker_url": "memory://"},
    )
    with app.app.app_context():
        Base.metadata.create_all(get_engine())
        yield app
        Base.metadata.drop_all(get_engine())


@pytest.fixture()
def client(connexion_app):
    return connexion_app.test_client()


@pytest.fixture()
def staff_user(connexion_app):
    session = get_session()
    user = User(email="tech@lab.test", full_name="Lab Tech", role="staff", site_code="NOR01",
                password_hash=hash_password(TEST_PASSWORD), email_verified=True)
    session.add(user)
    session.commit()
    return user
