"""Runtime configuration.

Everything that differs between the developer laptops, staging and the
production cluster is read from the environment here, once, at import time.
"""
import os
from datetime import timedelta

ENV = os.environ.get("IOT_ENV", "production")

DEBUG = os.environ.get("FLASK_DEBUG") == "1"
TESTING = False
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()

SECRET_KEY = os.environ.get("SECRET_KEY", "c41d9e07b3f85a26e1d0c7b94f3a82e6")

# --- tokens -----------------------------------------------------------------
JWT_SECRET_KEY = os.environ["JWT_SECRET_KEY"]
JWT_ALGORITHM = "HS256"
JWT_ISSUER = "iot-api"
ACCESS_TOKEN_TTL = timedelta(minutes=15)
REFRESH_TOKEN_TTL = timedelta(days=14)

# --- storage ----------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://iot@localhost:5432/iot")
DB_POOL_SIZE = int(os.environ.get("DB_POOL_SIZE", "10"))
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

AWS_REGION = os.environ.get("AWS_REGION", "eu-central-1")
FIRMWARE_BUCKET = os.environ.get("FIRMWARE_BUCKET", "acme-iot-firmware")
FIRMWARE_WEBHOOK_SECRET = os.environ.get("FIRMWARE_WEBHOOK_SECRET")
BRIDGE_API_KEY = os.environ.get("BRIDGE_API_KEY")

# --- outgoing mail ------------------------------------------------------------
SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
SMTP_USER = os.environ.get("SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
MAIL_FROM = os.environ.get("MAIL_FROM", "IoT Console <no-reply@example.com>")

# --- console session cookie ---------------------------------------------------
SESSION_COOKIE_NAME = "iot_console"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
PERMANENT_SESSION_LIFETIME = timedelta(hours=8)

if ENV == "production":
    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
else:
    # local docker-compose runs over plain http
    SESSION_COOKIE_SECURE = False
    PREFERRED_URL_SCHEME = "http"

MAX_CONTENT_LENGTH = 64 * 1024 * 1024  # firmware images
TELEMETRY_CACHE_TTL = int(os.environ.get("TELEMETRY_CACHE_TTL", "30"))
