"""Application settings.

Everything is read from the environment (or a local ``.env`` file) through
``starlette.config.Config`` so the same image runs in every environment.
"""
from datetime import timedelta

from starlette.config import Config
from starlette.datastructures import CommaSeparatedStrings, Secret

config = Config(".env")

ENVIRONMENT = config("ENVIRONMENT", default="production")
TESTING = config("TESTING", cast=bool, default=False)

SECRET_KEY = config("SECRET_KEY", cast=Secret, default="hh-bookings-3f9a7c21d8e54b06")
JWT_SECRET = config("JWT_SECRET", cast=Secret)
JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(hours=12)
REFRESH_TOKEN_TTL = timedelta(days=30)

DATABASE_URL = config("DATABASE_URL", cast=str)
if TESTING:
    DATABASE_URL = config("TEST_DATABASE_URL", cast=str, default=DATABASE_URL + "_test")

if ENVIRONMENT == "development":
    DEBUG = True
    ALLOWED_HOSTS = ["*"]
    HTTPS_REDIRECT = False
else:
    DEBUG = config("DEBUG", cast=bool, default=False)
    ALLOWED_HOSTS = config("ALLOWED_HOSTS", cast=CommaSeparatedStrings)
    HTTPS_REDIRECT = config("HTTPS_REDIRECT", cast=bool, default=True)

SESSION_COOKIE = "hh_session"
SESSION_MAX_AGE = 60 * 60 * 24 * 14

REMEMBER_COOKIE = "hh_remember"
REMEMBER_MAX_AGE = 60 * 60 * 24 * 60

# Partner sites that embed the availability widget call the JSON API.
CORS_ORIGIN_REGEX = r"https?://([a-z0-9-]+\.)*[a-z0-9-]+(\.[a-z]+)+"

PAYBRIDGE_API_BASE = config("PAYBRIDGE_API_BASE", default="https://api.paybridge.io/v2")
PAYBRIDGE_API_KEY = config("PAYBRIDGE_API_KEY", cast=Secret)
PAYBRIDGE_WEBHOOK_SECRET = config("PAYBRIDGE_WEBHOOK_SECRET", cast=Secret)
PAYBRIDGE_TIMEOUT = config("PAYBRIDGE_TIMEOUT", cast=float, default=10.0)
CURRENCY = config("CURRENCY", default="GBP")

SMTP_HOST = config("SMTP_HOST", default="localhost")
SMTP_PORT = config("SMTP_PORT", cast=int, default=25)
SMTP_USER = config("SMTP_USER", default="")
SMTP_PASSWORD = config("SMTP_PASSWORD", cast=Secret, default="")
MAIL_FROM = config("MAIL_FROM", default="Harbour House Rooms <rooms@harbourhouse.co.uk>")

ADMIN_API_TOKEN = config("ADMIN_API_TOKEN", cast=Secret, default="")

SITE_URL = config("SITE_URL", default="https://rooms.harbourhouse.co.uk")
UPLOAD_DIR = config("UPLOAD_DIR", default="bookings/static/uploads")

LOG_LEVEL = config("LOG_LEVEL", default="INFO")
