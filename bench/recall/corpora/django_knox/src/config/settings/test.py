"""Settings for the pytest run in CI."""
from .base import *  # noqa: F401,F403

DEBUG = False

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

CELERY_TASK_ALWAYS_EAGER = True

AXES_ENABLED = False

PAYLANE_WEBHOOK_SECRET = "test-webhook-secret"
INKSIGN_CALLBACK_SECRET = "test-inksign-secret"
METABASE_SECRET_KEY = "test-metabase-secret-0123456789abcdef"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
