from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-secret-key-do-not-use-elsewhere-8d2f"

# Hashing with Argon2 makes the suite ~10x slower.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
}

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

PORTAL_JWT_SECRET = "portal-tests-0f8b3c2d9e7a6b5c4d3e2f1a0b9c8d7e"
CLIENT_WEBHOOK_SECRET = "webhook-tests"
TEAM_INVITE_CODE = "join-the-team"
