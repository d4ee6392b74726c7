"""Rate limiting (slowapi, counters in Redis so all workers share them)."""
from __future__ import annotations

from slowapi import Limiter
from slowapi.util import get_remote_address

from .config import get_settings

settings = get_settings()

# uvicorn runs with --proxy-headers behind the load balancer, so
# request.client.host is already the real client address.
limiter = Limiter(
    key_func=get_remote_address,
    storage_uri=settings.redis_url,
    strategy="moving-window",
)
