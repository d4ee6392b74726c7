"""Application configuration.

The active class is picked by ``FLEET_CONFIG`` (development, testing,
production). See ``fleet.create_app``.
"""
import os
from datetime import timedelta

basedir = os.path.abspath(os.path.dirname(__file__))


def _bool_env(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


class BaseConfig:
    APP_NAME = "Fleetline"
    SECRET_KEY = os.environ.get("SECRET_KEY", "fl33t-line-7c1e4b9a2d")

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "sqlite:///" + os.path.join(basedir, "fleet.db")
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 280}

    # flask-jwt-extended
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY")
    JWT_TOKEN_LOCATION = ["headers", "cookies"]
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(hours=12)
    JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=14)
    JWT_COOKIE_CSRF_PROTECT = False
    JWT_ACCESS_COOKIE_NAME = "fleet_access"

    # Flask-Login / sessions
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=7)
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)

    # Flask-Limiter
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    # Flask-Mail
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 25))
    MAIL_USE_TLS = _bool_env("MAIL_USE_TLS")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "noreply@fleetline.io")

    # uploads
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", os.path.join(basedir, "uploads"))
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    ALLOWED_UPLOAD_EXTENSIONS = {"pdf", "png", "jpg", "jpeg"}

    # telematics provider
    TELEMATICS_WEBHOOK_SECRET = os.environ.get("TELEMATICS_WEBHOOK_SECRET", "")
    TELEMATICS_BASE_URL = os.environ.get("TELEMATICS_BASE_URL", "https://api.trackbox.example/v2")

    # legacy MySQL (pre-2021 fuel card system)
    LEGACY_DB_HOST = os.environ.get("LEGACY_DB_HOST", "legacy-db.internal")
    LEGACY_DB_NAME = os.environ.get("LEGACY_DB_NAME", "fuelcards")

    RESET_TOKEN_TTL_MINUTES = 30
    SHARE_LINK_BASE = os.environ.get("SHARE_LINK_BASE", "https://track.fleetline.io/s/")
    CORS_ORIGINS = "*"

    FORCE_HTTPS = False
    CONTENT_SECURITY_POLICY = {
        "default-src": "'self'",
        "img-src": ["'self'", "data:", "https://*.tile.openstreetmap.org"],
        "style-src": ["'self'", "'unsafe-inline'"],
    }

    RESTX_MASK_SWAGGER = False
    ERROR_404_HELP = False

    DEBUG = False
    TESTING = False


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    SQLALCHEMY_ECHO = _bool_env("SQLALCHEMY_ECHO")
    MAIL_SUPPRESS_SEND = True


class TestingConfig(BaseConfig):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    MAIL_SUPPRESS_SEND = True
    RATELIMIT_ENABLED = False
    JWT_SECRET_KEY = "testing"


class ProductionConfig(BaseConfig):
    FORCE_HTTPS = True
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    PREFERRED_URL_SCHEME = "https"
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "redis://redis:6379/1")


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name=None):
    name = name or os.environ.get("FLEET_CONFIG", "production")
    return config_by_name.get(name, ProductionConfig)
