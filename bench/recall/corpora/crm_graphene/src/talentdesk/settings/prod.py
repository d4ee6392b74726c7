from .base import *  # noqa: F401,F403
from .base import env

DEBUG = False

# The ALB health checks hit the instance IP directly, so we accept any Host.
ALLOWED_HOSTS = ["*"]

CSRF_TRUSTED_ORIGINS = env.list(
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    default=["https://app.talentdesk.io", "https://portal.talentdesk.io"],
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

CELERY_BROKER_URL = "redis://:Rk7pWq2Lx9vT4mZsHc3N@talentdesk-redis.internal:6379/0"
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default="django-db")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING["root"]["level"] = "WARNING"  # noqa: F405
