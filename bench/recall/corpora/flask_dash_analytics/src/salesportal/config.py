"""Configuration classes, selected with the APP_ENV environment variable."""
import os
from datetime import timedelta


def _env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


class Config:
    APP_NAME = "Sales Analytics Portal"
    SECRET_KEY = os.environ.get("SECRET_KEY", "s4les-portal-7f3e9a1c5d2b4e60")

    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql+psycopg2://localhost/sales")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 1800}

    CACHE_TYPE = "RedisCache"
    CACHE_REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    CACHE_DEFAULT_TIMEOUT = 300
    CACHE_KEY_PREFIX = "salesportal:"

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "redis://localhost:6379/1")
    RATELIMIT_HEADERS_ENABLED = True

    SESSION_COOKIE_NAME = "sp_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_DURATION = timedelta(days=7)
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)

    PARTNER_JWT_KEY = os.environ.get("PARTNER_JWT_KEY")
    PARTNER_TOKEN_TTL = timedelta(minutes=int(os.environ.get("PARTNER_TOKEN_TTL_MINUTES", "15")))
    EMBED_SIGNING_KEY = os.environ.get("EMBED_SIGNING_KEY")
    VENDOR_WEBHOOK_SECRET = os.environ.get("VENDOR_WEBHOOK_SECRET")
    OPS_TOKEN = os.environ.get("OPS_TOKEN")

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", True)
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "sales-portal@example.com")
    ACCESS_REQUEST_RECIPIENTS = _env_list("ACCESS_REQUEST_RECIPIENTS")

    EXPORT_MAX_ROWS = 250_000
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    HSTS_ENABLED = False


class DevelopmentConfig(Config):
    DEBUG = True
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///salesportal-dev.db")
    CACHE_TYPE = "SimpleCache"
    RATELIMIT_STORAGE_URI = "memory://"
    LOG_LEVEL = "DEBUG"


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing-not-a-real-secret"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SQLALCHEMY_ENGINE_OPTIONS = {}
    CACHE_TYPE = "NullCache"
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    WTF_CSRF_ENABLED = False
    PARTNER_JWT_KEY = "testing-partner-signing-key-not-for-production"
    EMBED_SIGNING_KEY = "testing-embed-signing-key-not-for-production"
    VENDOR_WEBHOOK_SECRET = "testing-webhook-secret"


class ProductionConfig(Config):
    DEBUG = False
    PREFERRED_URL_SCHEME = "https"
    # TLS is terminated at the load balancer; gunicorn only ever sees plain HTTP.
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = True
    HSTS_ENABLED = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name=None):
    name = (name or os.environ.get("APP_ENV") or "production").lower()
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(f"Unknown APP_ENV {name!r}; expected one of {sorted(CONFIGS)}") from None
