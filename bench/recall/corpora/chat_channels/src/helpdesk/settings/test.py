from .base import *  # noqa: F401,F403

DEBUG = False

SECRET_KEY = "test-only-secret-key-not-used-anywhere-else"
JWT_SIGNING_KEY = "test-only-jwt-signing-key-0123456789abcdef"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-media"  # noqa: F405
