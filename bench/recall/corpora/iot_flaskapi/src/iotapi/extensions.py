"""Shared extension instances, bound to the app in create_app()."""
import redis
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

from . import settings

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, storage_uri=settings.REDIS_URL)
redis_client = redis.Redis.from_url(settings.REDIS_URL, decode_responses=True)
