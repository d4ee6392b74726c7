"""
Settings shared by every TalentDesk environment.

Environment specific modules (dev, prod, staging, test) import everything
from here and override what they need.
"""
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-7c!q4w@z2^b$k9m#x0r8v&t1y5u3p6e(l)n-h8j2d4f6g0s")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # third party
    "corsheaders",
    "django_filters",
    "django_htmx",
    "graphene_django",
    "graphql_jwt.refresh_token.apps.RefreshTokenConfig",
    # local
    "accounts",
    "candidates",
    "clients",
    "placements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "talentdesk.urls"
WSGI_APPLICATION = "talentdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres:///talentdesk"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True

CACHES = {
    "default": env.cache("CACHE_URL", default="rediscache://localhost:6379/1"),
}

AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "graphql_jwt.backends.JSONWebTokenBackend",
    "django.contrib.auth.backends.ModelBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "candidates:list"
LOGOUT_REDIRECT_URL = "accounts:login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").exists() else []
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- E-mail -----------------------------------------------------------------

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="TalentDesk <no-reply@talentdesk.io>")

# --- GraphQL ----------------------------------------------------------------

GRAPHENE = {
    "SCHEMA": "talentdesk.schema.schema",
    "MIDDLEWARE": ["graphql_jwt.middleware.JSONWebTokenMiddleware"],
    "RELAY_CONNECTION_MAX_LIMIT": 200,
}

GRAPHQL_JWT = {
    "JWT_ALGORITHM": "HS256",
    "JWT_VERIFY": True,
    "JWT_VERIFY_EXPIRATION": True,
    "JWT_LONG_RUNNING_REFRESH_TOKEN": True,
    # recruiters keep the Chrome extension open for a whole working day
    "JWT_EXPIRATION_DELTA": timedelta(hours=12),
    "JWT_REFRESH_EXPIRATION_DELTA": timedelta(days=7),
}

# --- CORS (Chrome extension + LinkedIn sidebar widget) ---------------------

CORS_URLS_REGEX = r"^/(graphql|api)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True

# --- Celery -----------------------------------------------------------------

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://localhost:6379/0")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "weekly-revenue-digest": {
        "task": "placements.tasks.weekly_revenue_digest",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
    },
    "expire-magic-links": {
        "task": "placements.tasks.purge_expired_magic_links",
        "schedule": crontab(minute=15),
    },
    "spotlight-candidates": {
        "task": "placements.tasks.pick_spotlight_candidates",
        "schedule": crontab(hour=6, minute=30),
    },
}

# --- Rate limiting ----------------------------------------------------------

RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "accounts.views.ratelimited"

# --- TalentDesk -------------------------------------------------------------

MAGIC_LINK_MAX_AGE = timedelta(minutes=15)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2

TEAM_INVITE_CODE = env("TEAM_INVITE_CODE", default="")

PORTAL_JWT_SECRET = env("PORTAL_JWT_SECRET", default="")
PORTAL_TOKEN_TTL = timedelta(minutes=30)

CLIENT_WEBHOOK_SECRET = env("CLIENT_WEBHOOK_SECRET", default="")
PARTNER_JWT_ISSUER = env("PARTNER_JWT_ISSUER", default="https://ats.partner.example")
PARTNER_JWT_PUBLIC_KEYS = env.json("PARTNER_JWT_PUBLIC_KEYS", default={})

CANDIDATE_IMPORT_MAX_ROWS = env.int("CANDIDATE_IMPORT_MAX_ROWS", default=5000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "simple": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "simple"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "accounts": {"level": "DEBUG"},
    },
}
