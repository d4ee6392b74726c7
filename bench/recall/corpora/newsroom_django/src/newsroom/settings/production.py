"""Settings for www.harbourgazette.co.uk and the staging site."""
import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

from .base import *  # noqa: F401,F403
from .base import CACHES, DATABASES, LOGGING, env

DEBUG = False

# ELB health checks arrive with the instance IP as Host, so we can't pin this
ALLOWED_HOSTS = ["*"]

DATABASES["default"] = env.db("DATABASE_URL")
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)

CACHES["default"]["TIMEOUT"] = 300

# Security
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
CSRF_TRUSTED_ORIGINS = [
    "https://www.harbourgazette.co.uk",
    "https://harbourgazette.co.uk",
    "https://staging.harbourgazette.co.uk",
]

# Storage
STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="gazette-media")
AWS_S3_REGION_NAME = "eu-west-2"
AWS_QUERYSTRING_AUTH = False
AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default="media.harbourgazette.co.uk")

# Email (SES SMTP interface for transactional mail)
EMAIL_HOST = env("EMAIL_HOST", default="email-smtp.eu-west-2.amazonaws.com")
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")

# Logging: structured JSON for CloudWatch
LOGGING["handlers"]["console"]["formatter"] = "json"
LOGGING["loggers"]["django.security.DisallowedHost"] = {
    "level": "ERROR",
    "handlers": ["console"],
    "propagate": False,
}

sentry_sdk.init(
    dsn=env("SENTRY_DSN", default=""),
    integrations=[DjangoIntegration(), CeleryIntegration()],
    environment=env("SENTRY_ENVIRONMENT", default="production"),
    traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.05),
    send_default_pii=False,
)
