"""Settings for the pytest run (CI exports PORTAL_LINK_SECRET and PADDLE_WEBHOOK_SECRET)."""
from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-secret-key-for-pytest-runs"
DEBUG = False

# Hashing speed dominates the suite otherwise.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
RATELIMIT_ENABLE = False
