"""Configuration classes, selected by the CRM_ENV environment variable."""
import os
from datetime import timedelta

BASE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


class Config:
    SECRET_KEY = os.environ.get("CRM_SECRET_KEY")

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "sqlite:///" + os.path.join(BASE_DIR, "crm.db")
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"

    # API tokens for the browser widget and the mobile app
    JWT_SECRET = os.environ.get("CRM_JWT_SECRET")
    API_TOKEN_TTL = timedelta(minutes=30)
    API_TOKEN_HEADER = "X-CRM-Api-Token"
    API_CLIENT_KEY_HEADER = "X-CRM-Api-Key"

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USE_TLS = True
    MAIL_DEFAULT_SENDER = "Northwind Sales CRM <crm@northwind-sales.example>"
    CAMPAIGN_BATCH_SIZE = 200

    # Paybridge (payment provider) integration
    PAYMENT_API_URL = "https://api.paybridge.example/v2"
    PAYMENT_API_KEY = os.environ.get("PAYMENT_API_KEY", "")
    PAYMENT_WEBHOOK_SECRET = "whsec_4fQz8LkT2vXr9NbH7mWc3YpD6sGa1JeU"

    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    EXPORT_DIR = os.environ.get("CRM_EXPORT_DIR", os.path.join(BASE_DIR, "exports"))
    CONTACTS_PER_PAGE = 50


class DevelopmentConfig(Config):
    DEBUG = True
    SQLALCHEMY_ECHO = True
    RATELIMIT_ENABLED = False


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    API_TOKEN_TTL = timedelta(minutes=5)


class ProductionConfig(Config):
    DEBUG = False
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
