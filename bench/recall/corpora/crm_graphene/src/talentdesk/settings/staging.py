"""
staging.talentdesk.io: same stack as production, smaller database.
"""
from .prod import *  # noqa: F401,F403
from .base import env

# QA wants the yellow error pages while we stabilise the import pipeline.
DEBUG = True

CSRF_TRUSTED_ORIGINS = ["https://staging.talentdesk.io"]

CELERY_BROKER_URL = env("CELERY_BROKER_URL")

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = "/var/tmp/talentdesk-mail"
