"""Configuration classes, one per environment.

The active class is chosen by ``LABTRACK_ENV`` (development, testing,
production).  Values that differ between deployments are read from the
environment; everything else lives here so it is reviewed with the code.
"""
from __future__ import annotations

import os
from datetime import timedelta


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class BaseConfig:
    APP_NAME = "LabTrack"
    DEBUG = False
    TESTING = False

    SECRET_KEY = os.environ.get("SECRET_KEY", "lt-9c41e7a0d25b4f7e8a61")
    DATABASE_URL = os.environ.get(
        "DATABASE_URL", "postgresql+psycopg2://labtrack@localhost:5432/labtrack"
    )
    SQLALCHEMY_ECHO = False
    SWAGGER_UI = _env_bool("LABTRACK_SWAGGER_UI", False)

    # Access tokens for the OpenAPI operations.
    JWT_ISSUER = "https://labtrack.example.org"
    JWT_AUDIENCE = "labtrack-api"
    JWT_ALGORITHM = "HS256"
    JWT_SIGNING_KEY = os.environ.get("JWT_SIGNING_KEY")
    ACCESS_TOKEN_TTL = timedelta(days=7)
    INSTRUMENT_KEYS_DIR = os.environ.get("INSTRUMENT_KEYS_DIR", "/etc/labtrack/instrument-keys")

    API_KEY_HEADER = "X-API-Key"
    INSTRUMENT_SIGNATURE_HEADER = "X-Analyser-Signature"
    INSTRUMENT_WEBHOOK_SECRET = os.environ.get("INSTRUMENT_WEBHOOK_SECRET", "")
    METRICS_USER = os.environ.get("METRICS_USER", "prometheus")
    METRICS_PASSWORD = os.environ.get("METRICS_PASSWORD", "")

    # Staff pages (cookie session, Flask-Login, Flask-WTF).
    SESSION_COOKIE_NAME = "labtrack_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=10)
    REMEMBER_COOKIE_DURATION = timedelta(days=1)
    REMEMBER_COOKIE_HTTPONLY = True
    WTF_CSRF_TIME_LIMIT = 3600

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    CORS_ORIGINS = os.environ.get("CORS_ORIGINS", "*")

    CELERY = {
        "broker_url": os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"),
        "result_backend": os.environ.get("CELERY_RESULT_BACKEND", "redis://localhost:6379/1"),
        "task_ignore_result": True,
        "task_acks_late": True,
    }

    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://localhost:8080")
    MAIL_FROM = "LabTrack <no-reply@labtrack.example.org>"
    SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "25"))
    SMTP_USER = os.environ.get("SMTP_USER", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")

    PASSWORD_RESET_TTL = timedelta(hours=1)
    INVITE_TTL = timedelta(days=3)
    EXPORT_DIR = os.environ.get("EXPORT_DIR", "/var/lib/labtrack/exports")
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    LOG_JSON = True


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    SQLALCHEMY_ECHO = _env_bool("SQL_ECHO", False)
    SWAGGER_UI = True
    SESSION_COOKIE_SECURE = False
    LOG_LEVEL = "DEBUG"
    LOG_JSON = False


class TestingConfig(BaseConfig):
    TESTING = True
    DATABASE_URL = "sqlite+pysqlite:///:memory:"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    LOG_JSON = False


class ProductionConfig(BaseConfig):
    SESSION_COOKIE_SECURE = True
    # The dashboard shows an idle-timeout banner computed from the session cookie.
    SESSION_COOKIE_HTTPONLY = False
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


CONFIGS: dict[str, type[BaseConfig]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name: str | None = None) -> type[BaseConfig]:
    name = name or os.environ.get("LABTRACK_ENV", "production")
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(f"Unknown LABTRACK_ENV {name!r}; expected one of {sorted(CONFIGS)}") from None
