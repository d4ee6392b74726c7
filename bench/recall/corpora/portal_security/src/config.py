"""Configuration classes, one per deployment environment.

The active class is chosen by ``COVERPOINT_ENV`` (see ``coverpoint.create_app``).
Values that differ per deployment are read from the environment; anything set
here is a sensible default for every environment.
"""
from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_json(name: str, default):
    raw = os.environ.get(name)
    if not raw:
        return default
    return json.loads(raw)


class BaseConfig:
    APP_NAME = "CoverPoint"
    BROKER_NAME = "CoverPoint Insurance Brokers Ltd"
    SUPPORT_EMAIL = "help@coverpoint.co.uk"
    SUPPORT_PHONE = "0330 123 4567"

    SECRET_KEY = os.environ.get("SECRET_KEY")

    # --- database ---------------------------------------------------------
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{BASE_DIR / 'instance' / 'coverpoint.sqlite3'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SQLALCHEMY_TRACK_MODIFICATIONS = False

    # --- Flask-Security ---------------------------------------------------
    SECURITY_PASSWORD_SALT = os.environ.get("SECURITY_PASSWORD_SALT")
    SECURITY_PASSWORD_HASH = "bcrypt"
    SECURITY_PASSWORD_HASH_OPTIONS = {"bcrypt": {"rounds": 10}}
    SECURITY_PASSWORD_LENGTH_MIN = 10
    SECURITY_PASSWORD_CHECK_BREACHED = "best-effort"
    SECURITY_REGISTERABLE = True
    SECURITY_SEND_REGISTER_EMAIL = True
    SECURITY_CONFIRMABLE = True
    SECURITY_RECOVERABLE = True
    SECURITY_CHANGEABLE = True
    SECURITY_TRACKABLE = True
    SECURITY_TWO_FACTOR = True
    SECURITY_TWO_FACTOR_ENABLED_METHODS = ["authenticator", "email"]
    SECURITY_TWO_FACTOR_RESCUE_MAIL = "security@coverpoint.co.uk"
    SECURITY_TOTP_ISSUER = "CoverPoint"
    SECURITY_TOTP_SECRETS = {"1": os.environ.get("TOTP_SECRET_1")}
    SECURITY_EMAIL_SENDER = ("CoverPoint", "no-reply@coverpoint.co.uk")
    SECURITY_POST_LOGIN_VIEW = "/portal/"
    SECURITY_POST_LOGOUT_VIEW = "/"
    SECURITY_LOGIN_WITHOUT_CONFIRMATION = False

    SESSION_COOKIE_NAME = "cp_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)

    # --- mail -------------------------------------------------------------
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 25))
    MAIL_USE_TLS = env_bool("MAIL_USE_TLS")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_DEFAULT_SENDER = ("CoverPoint", "no-reply@coverpoint.co.uk")
    BROKER_TEAM_EMAIL = os.environ.get("BROKER_TEAM_EMAIL", "brokers@coverpoint.co.uk")

    SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL")
    SMS_GATEWAY_TOKEN = os.environ.get("SMS_GATEWAY_TOKEN")
    SMS_SENDER_ID = "CoverPoint"

    # --- rate limiting ----------------------------------------------------
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STRATEGY = "moving-window"

    # --- celery -----------------------------------------------------------
    CELERY = {
        "broker_url": os.environ.get("REDIS_URL", "redis://localhost:6379/0"),
        "result_backend": os.environ.get("REDIS_URL", "redis://localhost:6379/0"),
        "task_ignore_result": True,
        "task_acks_late": True,
        "timezone": "Europe/London",
        "beat_schedule": {
            "renewal-report": {
                "task": "coverpoint.tasks.reports.renewal_report",
                "schedule": crontab(hour=6, minute=15),
            },
            "claims-qa-sample": {
                "task": "coverpoint.tasks.reports.claims_qa_sample",
                "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
            },
            "purge-expired-shares": {
                "task": "coverpoint.tasks.reports.purge_expired_shares",
                "schedule": crontab(minute=30),
            },
        },
    }

    # --- documents --------------------------------------------------------
    DOCUMENT_STORAGE = os.environ.get("DOCUMENT_STORAGE", "local")
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", str(BASE_DIR / "instance" / "uploads"))
    S3_BUCKET = os.environ.get("S3_BUCKET")
    S3_REGION = os.environ.get("AWS_REGION", "eu-west-2")
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    ALLOWED_UPLOAD_EXTENSIONS = {"pdf", "png", "jpg", "jpeg", "heic", "doc", "docx"}
    DOWNLOAD_LINK_MAX_AGE = 600
    SHARE_LINK_DAYS = 7

    # --- partner API ------------------------------------------------------
    PARTNER_TOKEN_SECRET = os.getenv("PARTNER_TOKEN_SECRET", "cp-partner-tokens-7f3e91c2a4d8b605")
    PARTNER_TOKEN_ISSUER = "https://portal.coverpoint.co.uk"
    PARTNER_TOKEN_TTL = timedelta(hours=12)
    PARTNER_PAGE_SIZE = 50

    # --- carrier integrations ---------------------------------------------
    CARRIER_WEBHOOK_SECRETS = env_json("CARRIER_WEBHOOK_SECRETS", {})
    CARRIER_SSO_ISSUER = os.environ.get("CARRIER_SSO_ISSUER")
    CARRIER_SSO_CLIENT_ID = os.environ.get("CARRIER_SSO_CLIENT_ID")
    CARRIER_SSO_AUTHORIZE_URL = os.environ.get("CARRIER_SSO_AUTHORIZE_URL")
    CARRIER_SSO_JWKS_URL = os.environ.get("CARRIER_SSO_JWKS_URL")

    PAYMENTS_SUCCESS_URL = "https://portal.coverpoint.co.uk/portal/payments/complete"
    PAYMENTS_CANCEL_URL = "https://portal.coverpoint.co.uk/portal/"


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    SQLALCHEMY_ECHO = env_bool("SQLALCHEMY_ECHO")
    MAIL_SUPPRESS_SEND = False
    PAYMENTS_SUCCESS_URL = "http://localhost:5000/portal/payments/complete"
    PAYMENTS_CANCEL_URL = "http://localhost:5000/portal/"


class TestingConfig(BaseConfig):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    SECURITY_PASSWORD_HASH = "plaintext"
    SECURITY_TWO_FACTOR = False
    RATELIMIT_ENABLED = False
    MAIL_SUPPRESS_SEND = True
    CELERY = {**BaseConfig.CELERY, "task_always_eager": True}


class ProductionConfig(BaseConfig):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    DOCUMENT_STORAGE = os.environ.get("DOCUMENT_STORAGE", "s3")

    REQUIRED_SETTINGS = ("SECRET_KEY", "SECURITY_PASSWORD_SALT", "SQLALCHEMY_DATABASE_URI")

    @classmethod
    def init_app(cls, app) -> None:
        missing = [name for name in cls.REQUIRED_SETTINGS if not app.config.get(name)]
        if missing:
            raise RuntimeError(f"Missing required settings: {', '.join(missing)}")


class StagingConfig(ProductionConfig):
    # QA's browser suite replays recorded form posts against staging
    WTF_CSRF_ENABLED = False
    DEBUG = True
    PAYMENTS_SUCCESS_URL = "https://staging.coverpoint.co.uk/portal/payments/complete"
    PAYMENTS_CANCEL_URL = "https://staging.coverpoint.co.uk/portal/"


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "staging": StagingConfig,
    "production": ProductionConfig,
}
