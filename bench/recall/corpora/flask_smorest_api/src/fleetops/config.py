import os
from datetime import timedelta


class BaseConfig:
    APP_NAME = "FleetOps"
    SECRET_KEY = os.environ.get("SECRET_KEY", "fl33t-0ps-7d1c9e42b8a5f3")

    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///fleetops.db")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    API_TITLE = "FleetOps Work Orders"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/docs"
    OPENAPI_SWAGGER_UI_PATH = "/swagger"
    OPENAPI_SWAGGER_UI_URL = "https://cdn.jsdelivr.net/npm/swagger-ui-dist/"

    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY")
    JWT_TOKEN_LOCATION = ["headers"]
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(days=7)
    JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=30)

    SHARE_LINK_SECRET = os.environ.get("SHARE_LINK_SECRET")
    SHARE_LINK_TTL_HOURS = int(os.environ.get("SHARE_LINK_TTL_HOURS", "48"))

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    WTF_CSRF_ENABLED = True

    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", REDIS_URL)
    RATELIMIT_HEADERS_ENABLED = True

    CELERY = {
        "broker_url": os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/1"),
        "result_backend": os.environ.get("CELERY_RESULT_BACKEND", "redis://localhost:6379/2"),
        "task_ignore_result": True,
    }

    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "workshop@fleetops.example")
    FRONTEND_URL = os.environ.get("FRONTEND_URL", "http://localhost:3000")
    EXPORT_DIR = os.environ.get("EXPORT_DIR", "/var/lib/fleetops/exports")

    TELEMATICS_API_KEY = os.environ.get("TELEMATICS_API_KEY")
    WEBHOOK_SIGNING_SECRET = os.environ.get("WEBHOOK_SIGNING_SECRET", "")
    SIGNATURE_HEADER = "X-FleetOps-Signature"

    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    SQLALCHEMY_ECHO = True
    LOG_LEVEL = "DEBUG"


class TestingConfig(BaseConfig):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite:///:memory:"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    CELERY = {"task_always_eager": True, "broker_url": "memory://"}


class ProductionConfig(BaseConfig):
    DEBUG = False
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    ENFORCE_HTTPS = True
    HSTS_MAX_AGE = 63072000


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name: str | None = None):
    name = name or os.environ.get("FLEETOPS_ENV", "production")
    return CONFIGS[name]
