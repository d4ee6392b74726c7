import os
from datetime import timedelta

basedir = os.path.abspath(os.path.dirname(__file__))


def _bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.lower() in ("1", "true", "yes", "on")


class Config:
    APP_NAME = "Secondhand"
    DEBUG = True
    TESTING = False

    SECRET_KEY = os.environ.get("SECRET_KEY", "b7e1c0d94f2a6e83-secondhand-2023")

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "sqlite:///" + os.path.join(basedir, "..", "marketplace.db")
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    RQ_QUEUE = "marketplace"

    CACHE_TYPE = "RedisCache"
    CACHE_REDIS_URL = REDIS_URL
    CACHE_DEFAULT_TIMEOUT = 300

    RATELIMIT_STORAGE_URI = REDIS_URL
    RATELIMIT_HEADERS_ENABLED = True

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=14)

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 25))
    MAIL_USE_TLS = _bool("MAIL_USE_TLS")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Secondhand <no-reply@secondhand.local>")

    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY")
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(days=30)
    JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=90)

    STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")
    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET")
    SHIPPING_API_URL = os.environ.get("SHIPPING_API_URL", "https://api.shipfast.example/v2")
    METRICS_TOKEN = os.environ.get("METRICS_TOKEN")

    APPLE_CLIENT_ID = os.environ.get("APPLE_CLIENT_ID", "com.secondhand.app")

    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", os.path.join(basedir, "..", "uploads"))
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    LISTINGS_PER_PAGE = 24
    CONFIRM_TOKEN_MAX_AGE = 60 * 60 * 24
    RESET_TOKEN_MAX_AGE = 60 * 60


class DevelopmentConfig(Config):
    SQLALCHEMY_ECHO = _bool("SQLALCHEMY_ECHO")
    SESSION_COOKIE_SECURE = False
    CACHE_TYPE = "SimpleCache"
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_SUPPRESS_SEND = True


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    CACHE_TYPE = "NullCache"
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_SUPPRESS_SEND = True


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    FORCE_HTTPS = True


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name=None):
    name = name or os.environ.get("APP_ENV") or os.environ.get("FLASK_ENV") or "production"
    return config_by_name.get(name, ProductionConfig)
