"""Shared slowapi limiter; limits are declared per route with ``@limiter.limit``."""

from slowapi import Limiter
from slowapi.util import get_remote_address

from devportal.config import get_settings

limiter = Limiter(key_func=get_remote_address, storage_uri=get_settings().redis_url, strategy="moving-window")
