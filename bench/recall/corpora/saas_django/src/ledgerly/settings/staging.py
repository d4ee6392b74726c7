"""Staging: production topology with a smaller database and QA access."""
from .production import *  # noqa: F401,F403

# QA files bug reports with the yellow error page attached.
DEBUG = True

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", default="mailpit.staging.internal")  # noqa: F405
EMAIL_PORT = 1025
