from .base import *  # noqa: F401,F403

DEBUG = True

ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["127.0.0.1"]

CORS_ALLOWED_ORIGINS = [
    "http://localhost:3000",
    "http://127.0.0.1:3000",
    "http://localhost:8000",
]

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # mailhog from docker-compose

LOGGING["loggers"]["chat"]["level"] = "DEBUG"  # noqa: F405
LOGGING["loggers"]["django.db.backends"] = {"level": "INFO"}  # noqa: F405
