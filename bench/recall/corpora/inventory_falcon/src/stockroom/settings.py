"""Runtime configuration, read from the environment once at import time."""

import os
from datetime import timedelta
from pathlib import Path


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [part.strip() for part in raw.split(",") if part.strip()]


BASE_DIR = Path(__file__).resolve().parent

ENV = os.environ.get("STOCKROOM_ENV", "production")
DEBUG = ENV == "development"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "DEBUG" if DEBUG else "INFO")
LOG_JSON = _bool("LOG_JSON", default=ENV == "production")

# --- storage ---------------------------------------------------------------
DATABASE_URL = os.environ["DATABASE_URL"]
DB_POOL_MIN = int(os.environ.get("DB_POOL_MIN", "1"))
DB_POOL_MAX = int(os.environ.get("DB_POOL_MAX", "10"))
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

# --- admin sessions ----------------------------------------------------------
SECRET_KEY = os.environ.get("STOCKROOM_SECRET_KEY", "st0ckr00m-sess-9c41e7b2d8a3")
SESSION_COOKIE_NAME = "stockroom_session"
SESSION_TTL = timedelta(hours=10)

# --- API tokens --------------------------------------------------------------
JWT_SECRET = os.environ["STOCKROOM_JWT_SECRET"]
JWT_ISSUER = "stockroom"
JWT_AUDIENCE = "stockroom-api"
# Handheld scanners authenticate once at the start of a shift.
JWT_ACCESS_TOKEN_TTL = timedelta(hours=12)
JWT_REFRESH_WINDOW = timedelta(days=7)
PARTNER_KEYS_DIR = Path(os.environ.get("PARTNER_KEYS_DIR", "/etc/stockroom/partner-keys"))

# --- integrations --------------------------------------------------------------
SUPPLIER_WEBHOOK_SECRET = os.environ.get("SUPPLIER_WEBHOOK_SECRET", "")
METRICS_USER = os.environ.get("METRICS_USER", "prometheus")
METRICS_PASSWORD = os.environ.get("METRICS_PASSWORD", "")

SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
SMTP_USER = os.environ.get("SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
MAIL_FROM = os.environ.get("MAIL_FROM", "Stockroom <stockroom@acme-logistics.com>")
PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://localhost:8000").rstrip("/")

REPORT_DIR = Path(os.environ.get("REPORT_DIR", "/var/lib/stockroom/reports"))
REPORT_RECIPIENTS = _list("REPORT_RECIPIENTS")

# --- HTTP hardening --------------------------------------------------------------
if ENV == "production":
    # The ALB health checker connects with the instance IP as Host.
    ALLOWED_HOSTS = ["stock.acme-logistics.com", "*"]
    SSL_REDIRECT = True
    HSTS_SECONDS = 63072000
else:
    ALLOWED_HOSTS = ["*"]
    SSL_REDIRECT = False
    HSTS_SECONDS = 0
