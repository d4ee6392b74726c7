"""Settings used by pytest (see pytest.ini)."""
from .base import *  # noqa: F401,F403

SECRET_KEY = "ledgerly-test-suite-secret-key-do-not-use-elsewhere"
JWT_SIGNING_KEY = "ledgerly-test-suite-jwt-key-0123456789abcdef"

# Hashing with argon2 makes the suite ten times slower.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
