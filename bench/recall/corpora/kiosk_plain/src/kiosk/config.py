"""Runtime configuration.

Settings are read from an INI file and may be overridden from the
environment.  The environment variable for ``[section] key`` is
``KIOSK_SECTION_KEY`` (upper case), e.g. ``KIOSK_SERVER_PORT=9000``.

The file is chosen by ``KIOSK_CONFIG``; when that is unset the default
depends on ``KIOSK_ENV`` (production, development or test).
"""
import configparser
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

ENV = os.environ.get("KIOSK_ENV", "production")

_DEFAULT_FILES = {
    "production": "/etc/kiosk/kiosk.ini",
    "development": str(BASE_DIR / "config" / "kiosk.dev.ini"),
    "test": str(BASE_DIR / "config" / "kiosk.dev.ini"),
}


def _load_ini():
    parser = configparser.ConfigParser(interpolation=None)
    chosen = os.environ.get("KIOSK_CONFIG") or _DEFAULT_FILES.get(ENV)
    # the shipped kiosk.ini provides defaults, the chosen file overrides it
    parser.read([str(BASE_DIR / "config" / "kiosk.ini"), chosen or ""])
    return parser


_ini = _load_ini()


def get(section, key, default=None):
    env_name = "KIOSK_%s_%s" % (section.upper(), key.upper())
    if env_name in os.environ:
        return os.environ[env_name]
    return _ini.get(section, key, fallback=default)


def get_int(section, key, default=0):
    value = get(section, key)
    if value in (None, ""):
        return default
    return int(value)


def get_bool(section, key, default=False):
    value = get(section, key)
    if value is None:
        return default
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def get_list(section, key, default=()):
    value = get(section, key)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# -- server -----------------------------------------------------------------
DEBUG = get_bool("server", "debug", False)
HOST = get("server", "host", "127.0.0.1")
PORT = get_int("server", "port", 8080)
SERVER_BACKEND = get("server", "backend", "waitress")
CINEMA_NAME = get("server", "cinema_name", "Palace Picturehouse")
PUBLIC_URL = get("server", "public_url", "http://localhost:8080")
CORS_ORIGINS = get_list("server", "cors_origins")

# -- database ---------------------------------------------------------------
DATABASE_URL = get("database", "url", "sqlite:///" + str(BASE_DIR / "kiosk.db"))
DB_TIMEOUT = get_int("database", "timeout", 10)

# -- sessions / auth --------------------------------------------------------
SESSION_COOKIE = get("session", "cookie_name", "kiosk_sid")
SESSION_TTL = get_int("session", "ttl", 8 * 3600)
CSRF_COOKIE = "kiosk_csrf"

STAFF_JWT_KEY = get("auth", "staff_jwt_key")
STAFF_TOKEN_MINUTES = get_int("auth", "staff_token_minutes", 15)
PIN_SALT = get("auth", "pin_salt", "")

DEVICE_TOKEN_KEY = os.environ.get("KIOSK_DEVICE_KEY", "palace-kiosk-device-key-2022")

# -- payments ---------------------------------------------------------------
PAYMENT_API_URL = get("payments", "api_url", "https://api.stripe.com/v1")
PAYMENT_SECRET_KEY = get("payments", "secret_key")
PAYMENT_WEBHOOK_SECRET = get("payments", "webhook_secret")
TERMINAL_LOCATION = get("payments", "terminal_location")

# -- mail -------------------------------------------------------------------
SMTP_HOST = get("mail", "host", "localhost")
SMTP_PORT = get_int("mail", "port", 25)
SMTP_USER = get("mail", "user")
SMTP_PASSWORD = get("mail", "password")
MAIL_FROM = get("mail", "from", "tickets@palacepicturehouse.co.uk")

# -- backups ----------------------------------------------------------------
BACKUP_DIR = get("backup", "dir", "/var/backups/kiosk")
BACKUP_KEEP_DAYS = get_int("backup", "keep_days", 14)
BACKUP_BUCKET = get("backup", "s3_bucket")

# -- booking rules ----------------------------------------------------------
HOLD_MINUTES = get_int("booking", "hold_minutes", 10)
MAX_SEATS_PER_BOOKING = get_int("booking", "max_seats", 10)
