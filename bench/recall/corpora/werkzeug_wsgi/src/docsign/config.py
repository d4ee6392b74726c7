import os


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


class BaseConfig:
    APP_NAME = "DocSign"
    ENV = "production"
    DEBUG = False
    TESTING = False

    SECRET_KEY = os.environ.get("DOCSIGN_SECRET_KEY", "dsk-7f3e9a12c4b84d0f9e61a2b5c8d7e4f1")
    DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///instance/docsign.db")
    STORAGE_DIR = os.environ.get("DOCSIGN_STORAGE_DIR", "instance/files")

    SESSION_COOKIE_NAME = "docsign_session"
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    SESSION_LIFETIME = 8 * 3600
    REMEMBER_COOKIE_NAME = "docsign_remember"
    REMEMBER_LIFETIME = 30 * 24 * 3600

    CSRF_FIELD_NAME = "csrf_token"
    CSRF_HEADER_NAME = "X-CSRF-Token"
    PASSWORD_RESET_TEMPLATE = "email/password_reset.html"
    PASSWORD_RESET_TTL = 30 * 60

    API_TOKEN_HEADER = "Authorization"
    API_TOKEN_ISSUER = "docsign"
    API_TOKEN_TTL = 15 * 60
    JWT_SIGNING_KEY = os.environ.get("DOCSIGN_JWT_KEY")
    DOWNLOAD_LINK_KEYS = {
        kid: value
        for kid, _, value in (
            item.partition("=") for item in env_list("DOCSIGN_DOWNLOAD_KEYS")
        )
    }
    DOWNLOAD_LINK_KID = os.environ.get("DOCSIGN_DOWNLOAD_KID", "k1")
    DOWNLOAD_LINK_TTL = 10 * 60

    SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "25"))
    SMTP_USER = os.environ.get("SMTP_USER", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_STARTTLS = env_bool("SMTP_STARTTLS", True)
    MAIL_FROM = os.environ.get("MAIL_FROM", "docsign@corp.example")

    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "https://docsign.corp.example")
    HSTS_SECONDS = 31536000


class ProductionConfig(BaseConfig):
    pass


class DevelopmentConfig(BaseConfig):
    ENV = "development"
    DEBUG = True
    SESSION_COOKIE_SECURE = False
    PUBLIC_BASE_URL = "http://localhost:5000"
    HSTS_SECONDS = 0


class TestingConfig(BaseConfig):
    ENV = "testing"
    TESTING = True
    SESSION_COOKIE_SECURE = False
    DATABASE_URL = "sqlite:///:memory:"


CONFIGS = {
    "production": ProductionConfig,
    "development": DevelopmentConfig,
    "testing": TestingConfig,
}


def load_config(name=None):
    name = name or os.environ.get("DOCSIGN_ENV", "production")
    try:
        return CONFIGS[name]()
    except KeyError:
        raise RuntimeError(f"unknown DOCSIGN_ENV {name!r}") from None
