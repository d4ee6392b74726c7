"""DispatchDesk configuration.

Everything that differs between environments is read from the process
environment (see .env.example). Flask-AppBuilder picks the upper-case names
up through ``app.config.from_object("config")``.
"""
import os
from datetime import timedelta

from flask_appbuilder.security.manager import AUTH_DB

basedir = os.path.abspath(os.path.dirname(__file__))


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.getenv(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


DISPATCHDESK_ENV = os.getenv("DISPATCHDESK_ENV", "production")

# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------
SECRET_KEY = os.getenv("SECRET_KEY", "dd-5e1f0c9a7b3d42e8a6c1f09b7d2e4a63")
SQLALCHEMY_DATABASE_URI = os.getenv(
    "DATABASE_URL", "sqlite:///" + os.path.join(basedir, "dispatchdesk.db")
)
SQLALCHEMY_TRACK_MODIFICATIONS = False
SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 1800}

APP_NAME = "DispatchDesk"
APP_THEME = "flatly.css"
APP_ICON = "/static/img/dispatchdesk-logo.png"
FAB_INDEX_VIEW = "dispatchdesk.views.dashboard.DashboardIndexView"
FAB_SECURITY_MANAGER_CLASS = "dispatchdesk.security.manager.DispatchSecurityManager"
FAB_UPDATE_PERMS = env_bool("FAB_UPDATE_PERMS", True)
FAB_ADD_SECURITY_API = False
FAB_API_SWAGGER_UI = DISPATCHDESK_ENV != "production"

# ---------------------------------------------------------------------------
# Authentication
# ---------------------------------------------------------------------------
AUTH_TYPE = AUTH_DB
AUTH_ROLE_ADMIN = "Admin"
AUTH_ROLE_PUBLIC = "Public"
AUTH_USER_REGISTRATION = False
AUTH_RATE_LIMITED = True
AUTH_RATE_LIMIT = "5 per 40 second"
FAB_PASSWORD_HASH_METHOD = "pbkdf2:sha256:600000"
PASSWORD_RESET_TTL = timedelta(hours=1)

# REST API tokens (flask-jwt-extended, used by FAB's ModelRestApi)
JWT_ACCESS_TOKEN_EXPIRES = timedelta(hours=8)
JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=14)
JWT_TOKEN_LOCATION = ["headers"]
DRIVER_TOKEN_TTL = timedelta(minutes=30)

# Public tracking links and carrier integration
TRACKING_LINK_SECRET = os.getenv("TRACKING_LINK_SECRET")
TRACKING_BASE_URL = os.getenv("TRACKING_BASE_URL", "https://track.dispatchdesk.example")
PARTNER_KEYS_DIR = os.getenv("PARTNER_KEYS_DIR", "/run/secrets/partners")
CARRIER_API_BASE = os.getenv("CARRIER_API_BASE", "https://api.swiftfreight.example/v2")
CARRIER_CLIENT_ID = os.getenv("CARRIER_CLIENT_ID")
CARRIER_CLIENT_KEY_PATH = os.getenv("CARRIER_CLIENT_KEY_PATH", "/run/secrets/carrier_client.pem")
CARRIER_WEBHOOK_SECRET = os.getenv("CARRIER_WEBHOOK_SECRET", "")

# ---------------------------------------------------------------------------
# Sessions / cookies / CSRF
# ---------------------------------------------------------------------------
SESSION_COOKIE_NAME = "dd_session"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
REMEMBER_COOKIE_SECURE = True
REMEMBER_COOKIE_HTTPONLY = True
PERMANENT_SESSION_LIFETIME = timedelta(hours=10)

WTF_CSRF_ENABLED = True
WTF_CSRF_TIME_LIMIT = 8 * 60 * 60

CORS_ORIGINS = [o for o in os.getenv("CORS_ORIGINS", "").split(",") if o]

# ---------------------------------------------------------------------------
# Rate limiting, mail, jobs
# ---------------------------------------------------------------------------
RATELIMIT_STORAGE_URI = os.getenv("REDIS_URL", "memory://")
RATELIMIT_HEADERS_ENABLED = True

MAIL_SERVER = os.getenv("MAIL_SERVER", "localhost")
MAIL_PORT = int(os.getenv("MAIL_PORT", "587"))
MAIL_USE_TLS = env_bool("MAIL_USE_TLS", True)
MAIL_USERNAME = os.getenv("MAIL_USERNAME")
MAIL_PASSWORD = os.getenv("MAIL_PASSWORD")
MAIL_DEFAULT_SENDER = os.getenv(
    "MAIL_DEFAULT_SENDER", "DispatchDesk <noreply@dispatchdesk.example>"
)

CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "redis://localhost:6379/0")
CELERY_RESULT_BACKEND = os.getenv("CELERY_RESULT_BACKEND", "redis://localhost:6379/0")
CARRIER_POLL_INTERVAL = int(os.getenv("CARRIER_POLL_INTERVAL", "300"))

EXPORT_BUCKET = os.getenv("EXPORT_BUCKET", "dispatchdesk-exports")
EXPORT_MAX_ROWS = int(os.getenv("EXPORT_MAX_ROWS", "50000"))

LOG_LEVEL = os.getenv("LOG_LEVEL", "INFO")

if DISPATCHDESK_ENV == "production":
    DEBUG = False
    PREFERRED_URL_SCHEME = "https"
    TALISMAN_FORCE_HTTPS = True
    TALISMAN_HSTS_MAX_AGE = 31536000
else:
    DEBUG = True
    TALISMAN_FORCE_HTTPS = False
    TALISMAN_HSTS_MAX_AGE = 0
    RATELIMIT_STORAGE_URI = "memory://"
