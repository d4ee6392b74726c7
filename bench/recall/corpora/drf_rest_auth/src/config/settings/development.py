"""Local development settings (``./manage.py runserver``)."""
from .base import *  # noqa: F401,F403
from .base import REST_AUTH

DEBUG = True

ALLOWED_HOSTS = ["*"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

REST_AUTH = {**REST_AUTH, "JWT_AUTH_SECURE": False}

CELERY_TASK_ALWAYS_EAGER = True

INTERNAL_IPS = ["127.0.0.1"]
