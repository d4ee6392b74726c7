from .base import *  # noqa: F401,F403

DEBUG = True

ALLOWED_HOSTS = ["*"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The Next.js preview frontend runs on :3000 during development
CORS_ALLOW_ALL_ORIGINS = True

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

CELERY_TASK_ALWAYS_EAGER = True

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
