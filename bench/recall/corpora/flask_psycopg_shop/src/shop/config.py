"""Application configuration.

Everything that differs between deployments is read from the environment. The
classes below hold the defaults and the per-environment differences;
``create_app`` picks one of them by name (``SHOP_ENV``).
"""
import os
from datetime import timedelta


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


class Config:
    ENV_NAME = "base"
    SITE_NAME = "Corner Shop"

    SECRET_KEY = os.environ.get("SECRET_KEY", "3b7e1f0c9d5a48e2b61c7f4d2a9e8b05")

    DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql:///cornershop")
    DB_POOL_MIN = env_int("DB_POOL_MIN", 1)
    DB_POOL_MAX = env_int("DB_POOL_MAX", 10)

    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

    # Flask-Session keeps the session server-side in Redis; the cookie only
    # carries the signed session id.
    SESSION_TYPE = "redis"
    SESSION_PERMANENT = True
    SESSION_USE_SIGNER = True
    SESSION_KEY_PREFIX = "cornershop:session:"
    PERMANENT_SESSION_LIFETIME = timedelta(days=7)
    SESSION_COOKIE_NAME = "cs_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"

    # Login and the checkout re-auth step both pay this cost; the library
    # default pushed p95 over budget on the small instances.
    BCRYPT_LOG_ROUNDS = 10

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "redis://localhost:6379/1")
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STRATEGY = "moving-window"

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = env_int("MAIL_PORT", 25)
    MAIL_USE_TLS = env_bool("MAIL_USE_TLS")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get(
        "MAIL_DEFAULT_SENDER", "Corner Shop <orders@cornershop.example>"
    )

    STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
    STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
    SHOP_CURRENCY = os.environ.get("SHOP_CURRENCY", "eur")

    SHIPPING_WEBHOOK_SECRET = os.environ.get("SHIPPING_WEBHOOK_SECRET", "")

    # Mobile app API (PyJWT)
    API_JWT_SECRET = os.environ.get("API_JWT_SECRET", "cornershop-mobile-api-signing")
    API_JWT_ISSUER = "cornershop"
    API_ACCESS_TOKEN_TTL = timedelta(minutes=15)

    CONFIRM_TOKEN_MAX_AGE = 60 * 60 * 24 * 3
    RESET_TOKEN_MAX_AGE = 60 * 60
    REMEMBER_ME_DAYS = 30

    PRODUCTS_PER_PAGE = 24


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    DEBUG = True
    TEMPLATES_AUTO_RELOAD = True
    SESSION_COOKIE_SECURE = False
    MAIL_SUPPRESS_SEND = env_bool("MAIL_SUPPRESS_SEND", True)


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    WTF_CSRF_ENABLED = False
    BCRYPT_LOG_ROUNDS = 4
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    SESSION_TYPE = "filesystem"
    MAIL_SUPPRESS_SEND = True
    DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgresql:///cornershop_test")


class ProductionConfig(Config):
    ENV_NAME = "production"
    PREFERRED_URL_SCHEME = "https"
    # TLS is terminated at the load balancer, the app itself only sees HTTP.
    SESSION_COOKIE_SECURE = False
    STRIPE_PUBLISHABLE_KEY = os.environ.get(
        "STRIPE_PUBLISHABLE_KEY", "pk_live_51NcR2qHk7TzY3mB0aVxQe9LwF4sJ8dUo2PiG6nCtK"
    )


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
