"""Configuration classes for the club site.

Settings that differ between deployments are read from the environment (a
``.env`` file is loaded by python-dotenv for local work).  Host specific
overrides live in ``instance/<config name>.cfg``.
"""
import os
from datetime import timedelta

from dotenv import load_dotenv

BASE_DIR = os.path.abspath(os.path.dirname(os.path.dirname(__file__)))
load_dotenv(os.path.join(BASE_DIR, ".env"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    APP_NAME = "Riverside Sports Club"
    SECRET_KEY = os.environ.get("SECRET_KEY")

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "sqlite:///" + os.path.join(BASE_DIR, "instance", "clubhouse.db")
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    # Flask-Security-Too
    SECURITY_PASSWORD_SALT = os.environ.get("SECURITY_PASSWORD_SALT", "146585145368132386173505678016728509634")
    SECURITY_PASSWORD_HASH = "bcrypt"
    SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS = {"bcrypt__rounds": 8}
    # Accounts imported from the old site still carry hex sha256 digests; they
    # are upgraded to bcrypt on the next successful login.
    SECURITY_PASSWORD_SCHEMES = ["bcrypt", "hex_sha256"]
    SECURITY_DEPRECATED_PASSWORD_SCHEMES = ["hex_sha256"]
    SECURITY_REGISTERABLE = True
    SECURITY_CONFIRMABLE = True
    SECURITY_RECOVERABLE = True
    SECURITY_CHANGEABLE = True
    SECURITY_TRACKABLE = True
    SECURITY_EMAIL_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Riverside SC <noreply@riversidesc.org>")
    SECURITY_TOKEN_AUTHENTICATION_HEADER = "Authentication-Token"
    SECURITY_POST_LOGIN_VIEW = "/members"
    SECURITY_POST_REGISTER_VIEW = "/membership/"
    SECURITY_RESET_PASSWORD_WITHIN = "2 hours"
    SECURITY_CONFIRM_EMAIL_WITHIN = "3 days"
    SECURITY_EMAIL_SUBJECT_REGISTER = "Welcome to Riverside Sports Club"

    # Mobile app API
    MOBILE_JWT_SECRET = os.environ.get("MOBILE_JWT_SECRET", "riverside-mobile")
    MOBILE_ACCESS_TTL = timedelta(minutes=15)
    MOBILE_REFRESH_TTL = timedelta(days=30)

    # Mail
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = env_bool("MAIL_USE_TLS")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = SECURITY_EMAIL_SENDER
    MAILGUN_SIGNING_KEY = os.environ.get("MAILGUN_SIGNING_KEY", "")

    CACHE_TYPE = os.environ.get("CACHE_TYPE", "SimpleCache")
    CACHE_REDIS_URL = os.environ.get("REDIS_URL")
    CACHE_DEFAULT_TIMEOUT = 300

    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
    CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "redis://localhost:6379/1")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    STRIPE_PRICE_ADULT = os.environ.get("STRIPE_PRICE_ADULT", "price_adult_annual")
    STRIPE_PRICE_JUNIOR = os.environ.get("STRIPE_PRICE_JUNIOR", "price_junior_annual")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"

    @classmethod
    def init_app(cls, app):
        pass


class DevelopmentConfig(Config):
    DEBUG = True
    # Local work runs on http://127.0.0.1:5000 without TLS.
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    SQLALCHEMY_ECHO = env_bool("SQLALCHEMY_ECHO")
    MAIL_SUPPRESS_SEND = env_bool("MAIL_SUPPRESS_SEND", True)


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    SECURITY_PASSWORD_HASH = "plaintext"
    SECURITY_PASSWORD_SCHEMES = ["plaintext"]
    SECURITY_DEPRECATED_PASSWORD_SCHEMES = []
    MAIL_SUPPRESS_SEND = True
    RATELIMIT_ENABLED = False
    CACHE_TYPE = "NullCache"


class ProductionConfig(Config):
    PREFERRED_URL_SCHEME = "https"
    # TLS is terminated at the Traefik proxy; the container itself only sees plain HTTP.
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = True
    HSTS_MAX_AGE = 31536000

    @classmethod
    def init_app(cls, app):
        if not app.config.get("SECRET_KEY"):
            raise RuntimeError("SECRET_KEY must be set in the environment for production")


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
