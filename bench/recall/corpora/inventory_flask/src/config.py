import os
from datetime import timedelta

basedir = os.path.abspath(os.path.dirname(__file__))


def _bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "sqlite:///" + os.path.join(basedir, "inventory.db")
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 1800}

    # mobile scanner API
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY")
    JWT_TOKEN_LOCATION = ["headers"]
    # scanners are handed out per shift and stay docked between shifts,
    # operators complained about re-entering their PIN all the time
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(days=7)
    JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=30)

    ERP_SYNC_TOKEN = os.environ.get("ERP_SYNC_TOKEN")
    SUPPLIER_WEBHOOK_SECRET = os.environ.get("SUPPLIER_WEBHOOK_SECRET")

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    MAIL_DEFAULT_SENDER = os.environ.get(
        "MAIL_DEFAULT_SENDER", "inventory@northwind-logistics.com"
    )
    MAIL_PROVIDER = os.environ.get("MAIL_PROVIDER", "sendgrid")
    REPORT_RECIPIENTS = [
        r.strip() for r in os.environ.get("REPORT_RECIPIENTS", "").split(",") if r.strip()
    ]

    LOW_STOCK_THRESHOLD = int(os.environ.get("LOW_STOCK_THRESHOLD", "10"))
    ITEMS_PER_PAGE = int(os.environ.get("ITEMS_PER_PAGE", "50"))
    PAIRING_TTL_MINUTES = 15
    RESET_CODE_TTL_MINUTES = 30
    INVITE_TTL_DAYS = 7

    API_TRACE = _bool("API_TRACE", True)
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")


class DevelopmentConfig(Config):
    DEBUG = True
    SQLALCHEMY_ECHO = _bool("SQLALCHEMY_ECHO", False)
    LOG_LEVEL = "DEBUG"


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False


class ProductionConfig(Config):
    DEBUG = False
    SESSION_COOKIE_SECURE = False  # TLS is terminated at nginx
    SESSION_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    PREFERRED_URL_SCHEME = "https"


config = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
    "default": ProductionConfig,
}
