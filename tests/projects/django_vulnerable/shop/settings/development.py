"""Local development: debug on, any host. Never deployed."""

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
SESSION_COOKIE_SECURE = False
