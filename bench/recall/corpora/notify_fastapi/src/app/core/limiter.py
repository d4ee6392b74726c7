from slowapi import Limiter
from slowapi.util import get_remote_address

# Limits are declared per route with ``@limiter.limit(...)``.
limiter = Limiter(key_func=get_remote_address)
