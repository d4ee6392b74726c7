import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "quart-shop-dev-key")  # expect: SECRET002
    MAIL_PASSWORD = "Wq7!vR2#pL9@xT4z"  # expect: SECRET001
    DEBUG = True  # expect: CONF001
    DATABASE = "shop.db"


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = False  # expect: CONF003
