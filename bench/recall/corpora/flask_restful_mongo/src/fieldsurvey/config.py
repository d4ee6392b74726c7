"""Configuration classes, selected by the FIELDSURVEY_ENV environment variable."""
import os
from datetime import timedelta


def _env_list(name, default=""):
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


class BaseConfig:
    APP_NAME = "Field Survey Service"
    DEBUG = False
    TESTING = False

    SECRET_KEY = os.environ.get("SECRET_KEY", "fsurvey-7c2e91d4a8b3f605e4d1")

    MONGODB_SETTINGS = {
        "host": os.environ.get("MONGODB_URI", "mongodb://localhost:27017/fieldsurvey"),
        "uuidRepresentation": "standard",
        "tz_aware": True,
    }
    REPORTING_DB_PATH = os.environ.get("REPORTING_DB_PATH", "/var/lib/fieldsurvey/reporting.sqlite3")
    EXPORT_DIR = os.environ.get("EXPORT_DIR", "/app/exports")
    PHOTO_DIR = os.environ.get("PHOTO_DIR", "/var/lib/fieldsurvey/photos")
    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    RQ_QUEUE = "fieldsurvey"

    # itsdangerous salts: namespaces that keep one kind of token from being
    # replayed as another. The signing key is SECRET_KEY.
    EMAIL_CONFIRM_SALT = "email-confirm"
    PASSWORD_RESET_SALT = "password-reset"
    EMAIL_CONFIRM_MAX_AGE = 60 * 60 * 24
    PASSWORD_RESET_MAX_AGE = 60 * 30

    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY")
    JWT_ALGORITHM = "HS256"
    JWT_ACCESS_TTL = timedelta(minutes=15)
    JWT_REFRESH_TTL = timedelta(days=14)

    API_KEY_HEADER = "X-Api-Key"
    STATION_SHARED_SECRET = os.environ.get("STATION_SHARED_SECRET")
    WEBHOOK_SIGNING_SECRET = os.environ.get("WEBHOOK_SIGNING_SECRET")

    SESSION_COOKIE_NAME = "fs_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    MAIL_SENDER = os.environ.get("MAIL_SENDER", "no-reply@survey.example.org")
    EXPORT_LINK_TTL = timedelta(hours=48)
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    SESSION_COOKIE_SECURE = False
    REPORTING_DB_PATH = os.environ.get("REPORTING_DB_PATH", "instance/reporting.sqlite3")
    EXPORT_DIR = os.environ.get("EXPORT_DIR", "instance/exports")
    PHOTO_DIR = os.environ.get("PHOTO_DIR", "instance/photos")
    LOG_LEVEL = "DEBUG"


class TestingConfig(BaseConfig):
    TESTING = True
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    MONGODB_SETTINGS = {"host": "mongomock://localhost", "db": "fieldsurvey_test", "uuidRepresentation": "standard"}
    REPORTING_DB_PATH = ":memory:"


class ProductionConfig(BaseConfig):
    PREFERRED_URL_SCHEME = "https"
    # TLS is terminated by nginx; the app itself only ever sees plain HTTP.
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = True
    TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
    ALLOWED_EMBED_ORIGINS = _env_list("ALLOWED_EMBED_ORIGINS")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name=None):
    name = (name or os.environ.get("FIELDSURVEY_ENV") or "production").lower()
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(f"Unknown FIELDSURVEY_ENV {name!r}; expected one of {sorted(CONFIGS)}") from None
