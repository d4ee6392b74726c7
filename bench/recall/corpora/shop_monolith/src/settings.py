"""Settings for the Corner Shop app.

Loaded with ``app.config.from_object(settings)``; anything that differs between
the laptop and the server should come from the environment.
"""
import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))

DATABASE = os.environ.get("SHOP_DB", os.path.join(BASE_DIR, "shop.db"))

SECRET_KEY = os.environ.get("SECRET_KEY", "9c1e4b7f-corner-shop-2021")
DEBUG = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = True
PREFERRED_URL_SCHEME = "https"
PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 7

# mail (password resets, order confirmations)
MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "noreply@cornershop.example")
MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
MAIL_FROM = "Corner Shop <noreply@cornershop.example>"

PAYMENT_WEBHOOK_SECRET = os.environ.get("PAYMENT_WEBHOOK_SECRET")

# nightly sales export goes to the reporting warehouse
REPORTING_DB_URL = "postgresql://reports:Rep0rts!Sh0p2021@reports-db.cornershop.internal:5432/shop_reports"

RESET_TOKEN_TTL = 60 * 60
ITEMS_PER_PAGE = 24
FEATURED_COUNT = 4

RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
