from .base import *  # noqa: F401,F403

SECRET_KEY = "test-secret-key-not-used-anywhere-else-8f2c"
API_JWT_SIGNING_KEY = "test-jwt-signing-key-for-unit-tests-only-0123456789"

DEBUG = False
ALLOWED_HOSTS = ["testserver"]

# Fast hashing keeps the test suite quick
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
]

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
}

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
RATELIMIT_ENABLE = False

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
