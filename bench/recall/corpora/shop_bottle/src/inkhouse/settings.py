"""Configuration loading for the Inkhouse shop.

Values are read, in order, from:

1. ``config/inkhouse.ini`` - defaults that are safe to commit,
2. the file named by ``INKHOUSE_CONFIG`` (e.g. ``config/production.ini``),
3. environment variables of the form ``INKHOUSE__SECTION__KEY``, so
   ``INKHOUSE__MAIL__HOST=smtp.postmarkapp.com`` sets ``mail.host``.

Bottle's ``ConfigDict`` keeps everything as strings; use the ``as_*`` helpers
below when another type is needed.
"""
import os
from datetime import timedelta
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent
CONFIG_DIR = BASE_DIR / "config"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = BASE_DIR / "static"

ENV_PREFIX = "INKHOUSE__"

_TRUE = {"1", "true", "yes", "on"}


def as_bool(value, default=False):
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


def as_int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def as_list(value):
    if not value:
        return []
    return [item.strip() for item in str(value).split(",") if item.strip()]


def load(config):
    """Populate a Bottle ``ConfigDict`` from the INI files and the environment."""
    config.load_config(str(CONFIG_DIR / "inkhouse.ini"))

    override = os.environ.get("INKHOUSE_CONFIG")
    if override:
        if not os.path.isfile(override):
            raise RuntimeError(f"INKHOUSE_CONFIG points to a missing file: {override}")
        config.load_config(override)

    for name, value in os.environ.items():
        if not name.startswith(ENV_PREFIX):
            continue
        key = ".".join(part.lower() for part in name[len(ENV_PREFIX):].split("__"))
        config[key] = value
    return config


def is_development(config):
    return config.get("app.env", "production") == "development"


# ---------------------------------------------------------------------------
# Values needed outside of a request (cron scripts, token helpers, workers).
# ---------------------------------------------------------------------------

DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'inkhouse.db'}")
REPORTING_DSN = os.environ.get("REPORTING_DSN", "dbname=inkhouse")
MAILER_QUEUE_PATH = os.environ.get("MAILER_QUEUE_PATH", str(BASE_DIR / "var" / "mailer_queue.sqlite3"))

JWT_SECRET = os.environ.get("INKHOUSE_JWT_SECRET", "ink-jwt-7Qp2v9LxR4mT8wZc1Ne5Hs3Kd6Fa0Yb")
JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(minutes=15)

STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_WEBHOOK_TOLERANCE = 300

SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
