import os


class Config:
    SECRET_KEY = os.environ["SECRET_KEY"]
    MAIL_PASSWORD = os.environ["MAIL_PASSWORD"]
    DATABASE = os.environ.get("DATABASE", "shop.db")


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
