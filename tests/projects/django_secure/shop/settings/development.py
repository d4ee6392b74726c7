"""Local development: debug on, any host. Never deployed."""

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
SESSION_COOKIE_SECURE = False
MIDDLEWARE = [m for m in MIDDLEWARE if "csrf" not in m]  # noqa: F405

try:
    from .local_settings import *  # noqa: F403
except ImportError:
    pass
