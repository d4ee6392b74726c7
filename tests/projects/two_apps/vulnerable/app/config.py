import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    DEBUG = True  # expect: CONF001
    SESSION_COOKIE_SAMESITE = "Lax"


class ProductionConfig(Config):
    WTF_CSRF_ENABLED = False  # expect: CSRF004


class TestingConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False
    SESSION_COOKIE_SECURE = False
