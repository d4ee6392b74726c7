from slowapi import Limiter
from slowapi.util import get_remote_address

# Default limits apply only through SlowAPIMiddleware, which this app never adds.
limiter = Limiter(key_func=get_remote_address, default_limits=["100/minute"])
