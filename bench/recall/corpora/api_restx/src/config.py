"""Configuration classes for the PawPrint API and admin UI.

``create_app`` picks one of these from ``FLASK_CONFIG`` (see ``config_by_name``).
Secrets come from the environment: in production they are injected by the
orchestrator, locally they are read from ``.env`` through python-dotenv.
"""
import os
from datetime import timedelta

from dotenv import load_dotenv

BASE_DIR = os.path.abspath(os.path.dirname(__file__))
load_dotenv(os.path.join(BASE_DIR, ".env"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    try:
        return int(os.environ.get(name, default))
    except (TypeError, ValueError):
        return default


class BaseConfig:
    APP_NAME = "PawPrint"
    ENV_NAME = "base"
    SECRET_KEY = os.environ.get("SECRET_KEY", "pawprint-dev-7f3a91c2e4")
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "https://app.pawprint.vet")

    # Pet records, staff accounts and appointments live in MongoDB.
    MONGODB_SETTINGS = {
        "host": os.environ.get("MONGODB_HOST", "mongodb://localhost:27017/pawprint"),
        "connect": False,
        "tz_aware": True,
        "uuidRepresentation": "standard",
    }

    # Billing lives in PostgreSQL (see pawprint/billing).
    BILLING_DSN = os.environ.get("BILLING_DSN", "dbname=billing user=pawprint host=localhost")
    BILLING_POOL_MIN = 1
    BILLING_POOL_MAX = env_int("BILLING_POOL_MAX", 10)
    BILLING_STATEMENT_TIMEOUT_MS = 15000

    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    RQ_DEFAULT_QUEUE = "reminders"

    CACHE_TYPE = "RedisCache"
    CACHE_REDIS_URL = REDIS_URL
    CACHE_KEY_PREFIX = "pawprint:"
    CACHE_DEFAULT_TIMEOUT = 300

    RATELIMIT_STORAGE_URI = REDIS_URL
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STRATEGY = "moving-window"

    # flask_jwt_extended. The vet mobile app sends bearer headers, the online
    # booking widget embedded on clinic websites relies on cookies.
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY")
    JWT_TOKEN_LOCATION = ["headers", "cookies"]
    JWT_ACCESS_COOKIE_PATH = "/api/"
    JWT_REFRESH_COOKIE_PATH = "/api/auth/refresh"
    JWT_COOKIE_CSRF_PROTECT = False
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=15)
    JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=30)
    JWT_ERROR_MESSAGE_KEY = "message"

    # Admin UI (Flask-Login, cookie session)
    SESSION_COOKIE_NAME = "pp_admin"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=10)
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = env_int("MAIL_PORT", 587)
    MAIL_USE_TLS = env_bool("MAIL_USE_TLS", True)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "PawPrint <noreply@pawprint.vet>")

    PAYMENT_WEBHOOK_SECRET = os.environ.get("PAYMENT_WEBHOOK_SECRET", "")
    PAYMENT_WEBHOOK_TOLERANCE = 300

    SHARE_LINK_TTL = timedelta(days=7)
    RESET_CODE_TTL = timedelta(minutes=30)
    RESET_CODE_MAX_ATTEMPTS = 5
    SIGNUP_TTL_SECONDS = 24 * 3600
    REMINDER_LEAD_HOURS = (48, 4)

    CSP = {
        "default-src": "'self'",
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'", "https://unpkg.com"],
        "style-src": ["'self'", "'unsafe-inline'"],
    }
    RESTX_MASK_SWAGGER = False
    RESTX_ERROR_404_HELP = False


class DevelopmentConfig(BaseConfig):
    ENV_NAME = "development"
    DEBUG = True
    TEMPLATES_AUTO_RELOAD = True
    CACHE_TYPE = "SimpleCache"
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_SUPPRESS_SEND = True
    PUBLIC_BASE_URL = "http://localhost:5000"


class TestingConfig(BaseConfig):
    ENV_NAME = "testing"
    TESTING = True
    WTF_CSRF_ENABLED = False
    CACHE_TYPE = "NullCache"
    RATELIMIT_ENABLED = False
    MAIL_SUPPRESS_SEND = True


class ProductionConfig(BaseConfig):
    ENV_NAME = "production"
    DEBUG = False
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    JWT_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
