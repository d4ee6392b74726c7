"""Production settings (gunicorn behind the nginx load balancer)."""
import os

from .base import *  # noqa: F401,F403

# The fallback lets `collectstatic` run during the image build.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "p7#x!c2m$9v@e4kq8zr^w1t6b0ny3ju5hd&fsl-ga=o")

ALLOWED_HOSTS = ["northfield-clinic.co.uk", "www.northfield-clinic.co.uk"]
ALLOWED_HOSTS += os.environ.get("DJANGO_EXTRA_HOSTS", "*").split(",")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# The patient mobile app and the partner portals call the API from several
# domains, so CORS is left open; sessions are shared with the portal.
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True

LOGGING["root"]["level"] = "WARNING"  # noqa: F405
