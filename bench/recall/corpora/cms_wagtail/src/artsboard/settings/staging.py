"""
Settings for staging.artsboard.org, which the council's content team uses to
review new templates before they go live.
"""

import os

from .production import *  # noqa: F401,F403

# Content editors report template errors from the staging site, so show them
DEBUG = True

ALLOWED_HOSTS = ["staging.artsboard.org"]
CSRF_TRUSTED_ORIGINS = ["https://staging.artsboard.org"]

WAGTAILADMIN_BASE_URL = "https://staging.artsboard.org"

# Don't send real email from staging
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

SENTRY_ENVIRONMENT = os.environ.get("SENTRY_ENVIRONMENT", "staging")
