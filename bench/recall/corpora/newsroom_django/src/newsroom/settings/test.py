"""Settings for the pytest run (see pytest.ini)."""
from .base import *  # noqa: F401,F403
from .base import TEMPLATES

DEBUG = False

# hashing speed matters more than strength for fixtures
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "gazette-tests",
    }
}

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

TEMPLATES[0]["OPTIONS"]["debug"] = True
