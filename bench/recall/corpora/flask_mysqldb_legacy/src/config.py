"""Application configuration.

Values here are defaults; ``instance/config.py`` and environment variables
override them (see ``rota.create_app``).
"""
import os
from datetime import timedelta


def _env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "rota-7f2c9e4a1b8d3f60a5e2c7b9d4f1a8e3")

    DATABASE_HOST = os.environ.get("DATABASE_HOST", "127.0.0.1")
    DATABASE_PORT = int(os.environ.get("DATABASE_PORT", "3306"))
    DATABASE_USER = os.environ.get("DATABASE_USER", "rota")
    DATABASE_PASSWORD = os.environ.get("DATABASE_PASSWORD", "")
    DATABASE_NAME = os.environ.get("DATABASE_NAME", "rota")

    SESSION_TYPE = "redis"
    SESSION_PERMANENT = True
    SESSION_USE_SIGNER = True
    SESSION_KEY_PREFIX = "rota:sess:"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=10)
    SESSION_COOKIE_NAME = "rota_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

    # Legacy accounts carry sha1 digests until their next successful login.
    BCRYPT_LOG_ROUNDS = 10
    PASSWORD_FIELD = "password"

    # itsdangerous namespaces; the signing key is SECRET_KEY.
    INVITE_TOKEN_SALT = "staff-invitation"
    RESET_TOKEN_SALT = "password-reset"
    INVITE_MAX_AGE = 7 * 24 * 3600
    RESET_MAX_AGE = 3600

    JWT_SIGNING_KEY = os.environ.get("JWT_SIGNING_KEY")
    API_TOKEN_TTL = timedelta(minutes=15)

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", True)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "rota@clinicgroup.example")

    SMS_API_URL = os.environ.get("SMS_API_URL", "https://api.twilio.com/2010-04-01")
    SMS_WEBHOOK_SECRET = os.environ.get("SMS_WEBHOOK_SECRET")

    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    SCHEDULER_API_ENABLED = False
    AUDIT_RETENTION_DAYS = 400

    DEBUG = False
    TESTING = False


class DevelopmentConfig(Config):
    DEBUG = True
    SESSION_COOKIE_SECURE = False
    TEMPLATES_AUTO_RELOAD = True


class TestingConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False
    SESSION_TYPE = "filesystem"
    RATELIMIT_ENABLED = False
    BCRYPT_LOG_ROUNDS = 4


class ProductionConfig(Config):
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
