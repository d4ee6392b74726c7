"""Runtime configuration.

Everything can be overridden from the environment (``GATEPASS_*``). The app
is created with ``env_prefix="GATEPASS_"`` so Sanic also loads any extra
``GATEPASS_`` variables straight into ``app.config``.
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.getenv(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    raw = os.getenv(name)
    return int(raw) if raw else default


ENVIRONMENT = os.getenv("GATEPASS_ENV", "production")


class Settings:
    ENV = ENVIRONMENT
    DEBUG = env_bool("GATEPASS_DEBUG", False)
    PUBLIC_BASE_URL = os.getenv("GATEPASS_PUBLIC_BASE_URL", "https://tickets.gatepass.events")

    # signs session cookies, reset links and QR payloads
    SECRET_KEY = os.getenv("GATEPASS_SECRET_KEY", "gp-7c1e94a2f05b83d6e1a9c47f2b")
    JWT_SECRET = os.getenv("GATEPASS_JWT_SECRET", "")
    JWT_ISSUER = "gatepass"
    ACCESS_TOKEN_TTL = timedelta(minutes=15)
    REFRESH_TOKEN_TTL = timedelta(days=30)
    DEVICE_AUDIENCE = "gatepass-scanner"
    RESET_LINK_MAX_AGE = 60 * 60

    DATABASE_URL = os.getenv("GATEPASS_DATABASE_URL", "postgresql://localhost:5432/gatepass")
    DB_POOL_MIN = env_int("GATEPASS_DB_POOL_MIN", 2)
    DB_POOL_MAX = env_int("GATEPASS_DB_POOL_MAX", 10)
    REDIS_URL = os.getenv("GATEPASS_REDIS_URL", "redis://localhost:6379/0")

    SESSION_COOKIE = "gp_session"
    SESSION_MAX_AGE = 60 * 60 * 24 * 14
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE = "gp_csrf"

    SMTP_HOST = os.getenv("GATEPASS_SMTP_HOST", "localhost")
    SMTP_PORT = env_int("GATEPASS_SMTP_PORT", 587)
    SMTP_USER = os.getenv("GATEPASS_SMTP_USER", "")
    SMTP_PASSWORD = os.getenv("GATEPASS_SMTP_PASSWORD", "")
    MAIL_FROM = os.getenv("GATEPASS_MAIL_FROM", "Gatepass <tickets@gatepass.events>")

    STRIPE_SECRET_KEY = os.getenv("GATEPASS_STRIPE_SECRET_KEY", "")
    STRIPE_WEBHOOK_SECRET = os.getenv("GATEPASS_STRIPE_WEBHOOK_SECRET", "")
    PARTNER_WEBHOOK_SECRET = os.getenv("GATEPASS_PARTNER_WEBHOOK_SECRET", "")
    CURRENCY = "eur"
    CHECKOUT_HOLD_MINUTES = 15

    # sanic-ext
    CORS_ORIGINS = os.getenv("GATEPASS_CORS_ORIGINS", "https://gatepass.events,https://app.gatepass.events")
    CORS_SUPPORTS_CREDENTIALS = True
    CORS_ALLOW_HEADERS = ["content-type", "authorization", "x-csrf-token"]
    CORS_MAX_AGE = 600
    TEMPLATING_PATH_TO_TEMPLATES = BASE_DIR / "templates"
    TEMPLATING_ENABLE_ASYNC = True
    OAS = False

    # Sanic: we sit behind one nginx hop
    PROXIES_COUNT = 1
    REAL_IP_HEADER = "x-real-ip"
    REQUEST_MAX_SIZE = 10 * 1024 * 1024
    KEEP_ALIVE_TIMEOUT = 15

    RATE_LIMIT_ENABLED = env_bool("GATEPASS_RATE_LIMIT_ENABLED", True)
    REMINDER_WINDOW_HOURS = env_int("GATEPASS_REMINDER_WINDOW_HOURS", 24)
    REMINDER_INTERVAL_SECONDS = 15 * 60
    HOUSEKEEPING_INTERVAL_SECONDS = 60 * 60
    PURGE_AFTER_DAYS = 30
    HSTS_SECONDS = 63072000


class DevelopmentSettings(Settings):
    DEBUG = True
    PUBLIC_BASE_URL = "http://localhost:8000"
    SESSION_COOKIE_SECURE = False
    CORS_ORIGINS = "http://localhost:5173"
    HSTS_SECONDS = 0


def get_settings() -> type[Settings]:
    if ENVIRONMENT == "development":
        return DevelopmentSettings
    return Settings
