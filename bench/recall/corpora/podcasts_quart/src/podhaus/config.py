"""Configuration classes.

Everything that differs between environments is read from the process
environment. In development a ``.env`` file next to ``run.py`` is loaded
first; real environment variables always win over it.
"""
from __future__ import annotations

import os
from datetime import timedelta

from dotenv import load_dotenv

load_dotenv(os.path.join(os.path.dirname(os.path.dirname(__file__)), ".env"), override=False)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.getenv(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    raw = os.getenv(name)
    return int(raw) if raw else default


class Config:
    APP_NAME = "Podhaus"
    PUBLIC_URL = os.getenv("PUBLIC_URL", "http://localhost:5000")

    SECRET_KEY = os.getenv("SECRET_KEY", "a8f3c19d27e44b6f90d1e5c7b2a4f6e8d0c2b4a6f8e0d2c4")

    DATABASE_URL = os.getenv("DATABASE_URL", "postgresql://podhaus@localhost:5432/podhaus")
    DATABASE_POOL_MIN = env_int("DATABASE_POOL_MIN", 2)
    DATABASE_POOL_MAX = env_int("DATABASE_POOL_MAX", 10)
    REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")

    # Bearer tokens for the public API
    JWT_SECRET_KEY = os.getenv("JWT_SECRET_KEY")
    JWT_ALGORITHM = "HS256"
    JWT_ISSUER = "https://podhaus.fm"
    JWT_AUDIENCE = "podhaus-api"
    JWT_ACCESS_TOKEN_TTL = timedelta(days=7)
    JWT_REFRESH_TOKEN_TTL = timedelta(days=30)
    # Public keys of partner networks that mint tokens for their own apps
    PARTNER_KEYS_PATH = os.getenv("PARTNER_KEYS_PATH", "/etc/podhaus/partners")

    # Quart-Auth cookie used by the web dashboard
    QUART_AUTH_COOKIE_NAME = "podhaus_auth"
    QUART_AUTH_COOKIE_SECURE = False
    QUART_AUTH_COOKIE_SAMESITE = "Lax"
    QUART_AUTH_COOKIE_HTTP_ONLY = True
    QUART_AUTH_DURATION = 60 * 60 * 24 * 14

    SESSION_COOKIE_NAME = "podhaus_session"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"

    MAX_CONTENT_LENGTH = 600 * 1024 * 1024
    ALLOWED_AUDIO_TYPES = ("audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/wav", "audio/flac")
    ALLOWED_IMAGE_TYPES = ("image/jpeg", "image/png")

    MEDIA_BUCKET = os.getenv("MEDIA_BUCKET", "podhaus-media")
    MEDIA_CDN_URL = os.getenv("MEDIA_CDN_URL", "https://cdn.podhaus.fm")
    AWS_REGION = os.getenv("AWS_REGION", "eu-west-1")
    TRANSCODE_QUEUE = os.getenv("TRANSCODE_QUEUE", "podhaus:transcode")
    TRANSCODER_CALLBACK_SECRET = os.getenv("TRANSCODER_CALLBACK_SECRET")

    STRIPE_SECRET_KEY = os.getenv("STRIPE_SECRET_KEY")
    STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET")

    SMTP_HOST = os.getenv("SMTP_HOST", "localhost")
    SMTP_PORT = env_int("SMTP_PORT", 587)
    SMTP_USERNAME = os.getenv("SMTP_USERNAME")
    SMTP_PASSWORD = os.getenv("SMTP_PASSWORD")
    MAIL_FROM = os.getenv("MAIL_FROM", "Podhaus <hello@podhaus.fm>")

    PASSWORD_RESET_TTL = timedelta(hours=1)
    INVITE_TTL = timedelta(days=7)
    FEED_CACHE_SECONDS = 300
    EPISODES_PER_PAGE = 20

    HSTS_SECONDS = 0
    FORCE_HTTPS = False

    @classmethod
    def validate(cls) -> None:
        """Hook for subclasses that want to fail fast on missing settings."""


class DevelopmentConfig(Config):
    DEBUG = True
    TEMPLATES_AUTO_RELOAD = True
    SESSION_COOKIE_SECURE = False
    EXPLAIN_TEMPLATE_LOADING = False


class TestingConfig(Config):
    TESTING = True
    DATABASE_URL = os.getenv("TEST_DATABASE_URL", "postgresql://podhaus@localhost:5432/podhaus_test")
    SESSION_COOKIE_SECURE = False
    CSRF_ENABLED = False
    RATE_LIMITS_ENABLED = False


class ProductionConfig(Config):
    DEBUG = False
    PREFERRED_URL_SCHEME = "https"
    HSTS_SECONDS = 63072000
    FORCE_HTTPS = True

    @classmethod
    def validate(cls) -> None:
        missing = [
            name
            for name in ("JWT_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "TRANSCODER_CALLBACK_SECRET")
            if not getattr(cls, name)
        ]
        if missing:
            raise RuntimeError(f"Missing required settings: {', '.join(missing)}")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name: str | None = None) -> type[Config]:
    name = name or os.getenv("PODHAUS_ENV", "production")
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(f"Unknown PODHAUS_ENV {name!r}") from None
