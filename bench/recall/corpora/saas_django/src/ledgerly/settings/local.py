"""Settings for a developer laptop. Never used in a deployed environment."""
from .base import *  # noqa: F401,F403

DEBUG = True

ALLOWED_HOSTS = ["*"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

INTERNAL_IPS = ["127.0.0.1"]

INSTALLED_APPS += ["django_extensions"]  # noqa: F405

CELERY_TASK_ALWAYS_EAGER = True
