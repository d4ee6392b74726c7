"""Configuration classes for the team wiki.

Pick one with the ``WIKI_CONFIG`` environment variable (development,
testing, production). Anything secret is read from the environment.
"""
import os
from datetime import timedelta

BASE_DIR = os.path.abspath(os.path.dirname(__file__))


class Config:
    SECRET_KEY = os.environ.get("WIKI_SECRET_KEY", "wk-3f9a1c77e0d24b6b8e51")
    JWT_SECRET_KEY = os.environ.get("WIKI_JWT_KEY")
    CI_WEBHOOK_TOKEN = os.environ.get("WIKI_CI_WEBHOOK_TOKEN")

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "sqlite:///" + os.path.join(BASE_DIR, "wiki.db")
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SEARCH_INDEX_PATH = os.environ.get(
        "WIKI_SEARCH_INDEX", os.path.join(BASE_DIR, "search_index.db")
    )

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = "wiki@example.org"

    PASSWORD_MIN_LENGTH = 10
    RESET_TOKEN_MAX_AGE = timedelta(hours=2)

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(days=7)

    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    CORS_ORIGINS = ["*"]


class DevelopmentConfig(Config):
    DEBUG = True
    SQLALCHEMY_ECHO = True


class TestingConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    RATELIMIT_ENABLED = False


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
