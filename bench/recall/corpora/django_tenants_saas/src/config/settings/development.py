"""Local development: runserver on *.localhost subdomains, mail to the console."""
from .base import *  # noqa: F401,F403
from .base import env

DEBUG = True

# Tenant subdomains change all the time locally (acme.localhost, demo.localhost, ...).
ALLOWED_HOSTS = ["*"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
INTERNAL_IPS = ["127.0.0.1"]
