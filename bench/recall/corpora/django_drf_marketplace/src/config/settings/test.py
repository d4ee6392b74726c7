"""Settings for the pytest run in CI."""
from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-key-for-pytest-runs-not-used-anywhere-else"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

CELERY_TASK_ALWAYS_EAGER = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

UNSUBSCRIBE_SIGNING_KEY = "unsubscribe-test-signing-key-0123456789abcdef"
CARRIER_WEBHOOK_TOKEN = "carrier-test-token"
