"""Production settings."""  # expect: CONF003  # audit: CONF004

from .base import *  # noqa: F403

ALLOWED_HOSTS = ["*"]  # expect: CONF002
SESSION_COOKIE_SECURE = False  # expect: CONF003
CORS_ALLOW_ALL_ORIGINS = True  # expect: CONF005
CORS_ALLOW_CREDENTIALS = True
