import os

# Settings are read at import time, so these must be set before anything from inkwell is imported.
os.environ.setdefault("INKWELL_ENVIRONMENT", "development")
os.environ.setdefault("INKWELL_JWT_SECRET", "test-only-jwt-secret-for-pytest-runs-0000000")
os.environ.setdefault("INKWELL_ADMIN_API_KEY", "test-admin-key")
os.environ.setdefault("INKWELL_WEBHOOK_SECRET", "test-webhook-secret")
os.environ.setdefault("INKWELL_MAIL_BACKEND", "console")
os.environ.setdefault("INKWELL_ANALYTICS_DB_PATH", "/tmp/inkwell-test-analytics.sqlite3")

import pytest  # noqa: E402

from inkwell.security import passwords  # noqa: E402

# bcrypt at production cost makes the suite painfully slow
passwords.pwd_context.update(bcrypt__rounds=4)


@pytest.fixture
def analytics_db(tmp_path, monkeypatch):
    from inkwell.config import settings
    from inkwell.services import analytics_store

    monkeypatch.setattr(settings, "analytics_db_path", tmp_path / "analytics.sqlite3")
    analytics_store.init_schema()
    return analytics_store
