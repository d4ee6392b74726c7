import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

# settings.py reads these at import time
os.environ["HELPDESK_ENV"] = "development"
os.environ.setdefault("API_JWT_SECRET", "test-api-jwt-secret-0123456789abcdef")
os.environ.setdefault("SERVICE_JWT_SECRET", "test-service-jwt-secret-0123456789ab")
os.environ.setdefault("HANDOFF_SECRET", "test-handoff-secret")
os.environ.setdefault("MAIL_WEBHOOK_SECRET", "test-webhook-secret")
os.environ.setdefault("LDAP_OFFLINE_FALLBACK", "0")


@pytest.fixture
def app(tmp_path, monkeypatch):
    import settings

    monkeypatch.setattr(settings, "DATABASE_PATH", str(tmp_path / "test.sqlite3"))
    from app import app as flask_app
    import db

    flask_app.config.update(
        TESTING=True,
        SECRET_KEY="test-secret-key",
        WTF_CSRF_ENABLED=False,
        RATELIMIT_ENABLED=False,
    )
    with flask_app.app_context():
        db.init_schema()
    yield flask_app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def local_user(app):
    import db
    from auth import hasher

    with app.app_context():
        user_id = db.create_user("carol", "carol@corp.example.com", "Carol",
                                 password_hash=hasher.hash("correct horse battery"))
    return user_id
