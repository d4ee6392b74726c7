"""Configuration objects, selected by name in ``create_app``."""
import os
from datetime import timedelta


def _bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class BaseConfig:
    APP_NAME = "Plotkeeper"
    SECRET_KEY = os.environ.get("SECRET_KEY", "plotkeeper-allotments-7f3a91c2")

    DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///plotkeeper.sqlite3")
    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

    CACHE_TYPE = "RedisCache"
    CACHE_REDIS_URL = REDIS_URL
    CACHE_DEFAULT_TIMEOUT = 300

    RATELIMIT_STORAGE_URI = REDIS_URL
    RATELIMIT_HEADERS_ENABLED = True

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USE_TLS = _bool("MAIL_USE_TLS", True)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Plotkeeper <noreply@plotkeeper.org.uk>")

    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY")
    JWT_ALGORITHM = "HS256"
    API_ACCESS_TOKEN_TTL = timedelta(days=30)
    API_REFRESH_TOKEN_TTL = timedelta(days=60)

    PASSWORD_MIN_LENGTH = 10
    PASSWORD_RESET_SALT = "plotkeeper.password-reset"
    RESET_CODE_TTL_MINUTES = 30

    KIOSK_API_KEY = os.environ.get("KIOSK_API_KEY")
    PAYMENT_WEBHOOK_SECRET = os.environ.get("PAYMENT_WEBHOOK_SECRET")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=14)

    TALISMAN_ENABLED = False
    NOTICES_PER_PAGE = 20


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    CACHE_TYPE = "SimpleCache"
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_SUPPRESS_SEND = True
    SESSION_COOKIE_SECURE = False
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY") or "dev-only-jwt-key-not-for-production-use"


class TestingConfig(BaseConfig):
    TESTING = True
    SECRET_KEY = "testing"
    DATABASE_URL = "sqlite:///:memory:"
    CACHE_TYPE = "NullCache"
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    WTF_CSRF_ENABLED = False
    MAIL_SUPPRESS_SEND = True
    JWT_SECRET_KEY = "testing-jwt-secret-with-at-least-32-bytes"


class ProductionConfig(BaseConfig):
    DEBUG = False
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    TALISMAN_ENABLED = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
