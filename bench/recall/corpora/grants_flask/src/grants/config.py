import os
from datetime import timedelta

BASE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))


def _jwt_keys_from_env():
    """Parse JWT_SIGNING_KEYS="kid1:secret1,kid2:secret2" into a dict."""
    raw = os.environ.get("JWT_SIGNING_KEYS", "")
    keys = {}
    for chunk in raw.split(","):
        if ":" not in chunk:
            continue
        kid, secret = chunk.split(":", 1)
        keys[kid.strip()] = secret.strip()
    return keys


class Config:
    ENV_NAME = "base"
    APP_NAME = "Grants Portal"

    SECRET_KEY = os.environ.get("SECRET_KEY", "gp-7d41c9e2b8a04f6e9d3b5a1c0f2e8d7a")

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "postgresql+psycopg://grants@localhost:5432/grants"
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 1800}

    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    RQ_QUEUE_NAME = "grants"
    RQ_JOB_TIMEOUT = 300

    # outgoing mail goes through SendGrid's SMTP relay
    SENDGRID_API_KEY = "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"
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "smtp.sendgrid.net")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 587))
    MAIL_USE_TLS = True
    MAIL_USERNAME = "apikey"
    MAIL_PASSWORD = SENDGRID_API_KEY
    MAIL_DEFAULT_SENDER = os.environ.get(
        "MAIL_DEFAULT_SENDER", "Grants Portal <noreply@grants.example.org>"
    )
    ADMIN_EMAILS = [e for e in os.environ.get("ADMIN_EMAILS", "").split(",") if e]

    # werkzeug generate_password_hash method string
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"

    CONFIRM_TOKEN_MAX_AGE = 60 * 60 * 24 * 3
    RESET_TOKEN_MAX_AGE = 60 * 60
    INVITE_VALID_DAYS = 14

    JWT_SIGNING_KEYS = _jwt_keys_from_env()
    JWT_CURRENT_KID = os.environ.get("JWT_CURRENT_KID", "k1")
    JWT_ACCESS_EXPIRES = timedelta(minutes=15)
    JWT_REFRESH_EXPIRES = timedelta(days=14)

    API_TITLE = "Grants Portal API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api"
    OPENAPI_SWAGGER_UI_PATH = "/docs"
    OPENAPI_SWAGGER_UI_URL = "https://cdn.jsdelivr.net/npm/swagger-ui-dist/"
    API_SPEC_OPTIONS = {
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
            }
        }
    }

    CORS_ORIGINS = os.environ.get("CORS_ORIGINS", "*")

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    SIGNWELL_WEBHOOK_SECRET = os.environ.get("SIGNWELL_WEBHOOK_SECRET")

    PDF_DIR = os.path.join(BASE_DIR, "var", "pdfs")
    EXPORT_DIR = os.path.join(BASE_DIR, "var", "exports")
    MAX_CONTENT_LENGTH = 10 * 1024 * 1024

    WTF_CSRF_TIME_LIMIT = 60 * 60 * 8
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    DEBUG = True
    SQLALCHEMY_ECHO = os.environ.get("SQL_ECHO") == "1"
    MAIL_SUPPRESS_SEND = True
    RATELIMIT_ENABLED = False


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    WTF_CSRF_ENABLED = False
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SQLALCHEMY_ENGINE_OPTIONS = {}
    MAIL_SUPPRESS_SEND = True
    RATELIMIT_ENABLED = False
    PASSWORD_HASH_METHOD = "scrypt"


class ProductionConfig(Config):
    ENV_NAME = "production"
    PREFERRED_URL_SCHEME = "https"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_DURATION = timedelta(days=7)
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", Config.REDIS_URL)


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name=None):
    name = name or os.environ.get("FLASK_CONFIG", "production")
    try:
        return config_by_name[name]
    except KeyError:
        raise RuntimeError(f"Unknown FLASK_CONFIG {name!r}") from None
