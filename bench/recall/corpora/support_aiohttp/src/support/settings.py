"""Runtime configuration for the support desk service.

Everything that differs between a laptop and production is read from the
environment. ``SUPPORT_ENV`` selects the profile; anything other than
``production`` is treated as a developer machine.
"""
import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = BASE_DIR / "templates"

ENV = os.environ.get("SUPPORT_ENV", "production")

if ENV == "production":
    DEBUG = False
    COOKIE_SECURE = True
    HSTS_SECONDS = 63_072_000
else:
    DEBUG = True
    COOKIE_SECURE = False
    HSTS_SECONDS = 0

HOST = os.environ.get("SUPPORT_HOST", "127.0.0.1")
PORT = int(os.environ.get("SUPPORT_PORT", "8080"))
PUBLIC_URL = os.environ.get("SUPPORT_PUBLIC_URL", "http://localhost:8080")

DATABASE_URL = os.environ["DATABASE_URL"]
DB_POOL_MAX = int(os.environ.get("DB_POOL_MAX", "10"))

# aiohttp_session's EncryptedCookieStorage wants a url-safe base64 Fernet key.
SESSION_KEY = os.environ.get("SUPPORT_SESSION_KEY", "Zm9yLWxvY2FsLWRldi1vbmx5LTMyLWJ5dGVzLWtleSE=")
SESSION_COOKIE_NAME = "helpdesk_session"
SESSION_MAX_AGE = 60 * 60 * 8

JWT_SECRET = os.environ["SUPPORT_JWT_SECRET"]
JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(hours=24)
REFRESH_TOKEN_TTL = timedelta(days=14)

SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
SMTP_USER = os.environ.get("SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
MAIL_FROM = os.environ.get("MAIL_FROM", "Helpdesk <no-reply@helpdesk.local>")

# Name of the header integrations use to present their API key.
API_KEY_HEADER = "X-Helpdesk-Api-Key"

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
INVITE_TTL = timedelta(days=7)
RESET_TTL = timedelta(hours=1)

WEBHOOK_TIMEOUT = 10
WEBHOOK_MAX_ATTEMPTS = 6
