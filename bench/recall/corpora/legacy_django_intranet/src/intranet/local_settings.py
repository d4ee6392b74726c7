"""
Developer overrides for running the intranet on a laptop.

This file is git-ignored and excluded from the Docker image; copy it next to
settings.py and adjust as needed.
"""
DEBUG = True

ALLOWED_HOSTS = ["*"]

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

INTERNAL_IPS = ["127.0.0.1"]
