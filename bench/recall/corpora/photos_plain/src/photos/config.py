import os
from datetime import timedelta

BASE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "ph0tos-s3ssion-k3y-9f81c2d4")
    JWT_SECRET = os.environ.get("JWT_SECRET")
    DOWNLOAD_TOKEN_SECRET = os.environ.get("DOWNLOAD_TOKEN_SECRET")
    DOWNLOAD_TOKEN_SECRET_OLD = os.environ.get("DOWNLOAD_TOKEN_SECRET_OLD")
    WORKER_TOKEN = os.environ.get("WORKER_TOKEN")
    BOUNCE_WEBHOOK_SECRET = os.environ.get("BOUNCE_WEBHOOK_SECRET")

    DATABASE = os.environ.get("DATABASE_PATH", os.path.join(BASE_DIR, "instance", "photos.sqlite3"))
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", "/var/lib/photos/uploads")
    THUMB_FOLDER = os.environ.get("THUMB_FOLDER", "/var/lib/photos/thumbs")
    MAX_CONTENT_LENGTH = 25 * 1024 * 1024
    ALLOWED_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}

    SITE_URL = os.environ.get("SITE_URL", "https://photos.example.org")
    MAIL_FROM = os.environ.get("MAIL_FROM", "Photos <noreply@photos.example.org>")

    SESSION_COOKIE_NAME = "photos_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)

    PHOTOS_PER_PAGE = 24
    COMMENTS_PER_PAGE = 50
    RESET_TOKEN_MAX_AGE = 60 * 60 * 2
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")


class DevelopmentConfig(Config):
    DEBUG = True
    SESSION_COOKIE_SECURE = False
    SITE_URL = "http://localhost:5000"
    UPLOAD_FOLDER = os.path.join(BASE_DIR, "instance", "uploads")
    THUMB_FOLDER = os.path.join(BASE_DIR, "instance", "thumbs")
    LOG_LEVEL = "DEBUG"


class TestingConfig(Config):
    TESTING = True
    DATABASE = ":memory:"
    SESSION_COOKIE_SECURE = False


class ProductionConfig(Config):
    DEBUG = False
    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config():
    env = os.environ.get("APP_ENV", "production").lower()
    return config_by_name.get(env, ProductionConfig)
