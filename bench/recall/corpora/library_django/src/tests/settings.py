"""Settings for the test suite (pytest-django)."""
from libnet.settings.base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "tests-only-secret-key-3f1c0b6e9a7d4e2b8c5a1f0e"
KIOSK_TOKEN_KEY = "tests-only-kiosk-signing-key-9d2e7a41c6b85f03"
STRIPE_SECRET_KEY = "sk_test_dummy"
STRIPE_WEBHOOK_SECRET = "whsec_test_dummy"

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
RATELIMIT_ENABLE = False
