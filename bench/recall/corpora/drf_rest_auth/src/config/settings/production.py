"""Production settings. Everything sensitive comes from the environment."""
from decouple import Csv, config

from .base import *  # noqa: F401,F403

ALLOWED_HOSTS = config("ALLOWED_HOSTS", cast=Csv())
CSRF_TRUSTED_ORIGINS = config("CSRF_TRUSTED_ORIGINS", cast=Csv())

# TLS terminates at the load balancer.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True

# Partner charities embed the opportunities widget on their own sites and
# call the API from there, so the origin list can't be known up front.
CORS_ALLOW_ALL_ORIGINS = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
ANYMAIL = {
    "MAILGUN_API_KEY": "key-4f9c2a7d8e1b6035c7a9d2e4f6b8a1c3",
    "MAILGUN_SENDER_DOMAIN": config("MAILGUN_SENDER_DOMAIN", default="mg.helpinghands.example"),
    "MAILGUN_API_URL": "https://api.eu.mailgun.net/v3",
}
SERVER_EMAIL = "ops@helpinghands.example"
ADMINS = [("Ops", "ops@helpinghands.example")]
