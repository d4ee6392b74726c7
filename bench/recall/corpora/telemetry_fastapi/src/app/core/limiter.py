from slowapi import Limiter
from slowapi.util import get_remote_address
from starlette.requests import Request

from app.core.config import settings


def api_key_or_ip(request: Request) -> str:
    """Ingest limits are per key so one noisy customer can't starve the rest."""
    key = request.headers.get("x-pulse-key")
    if key:
        return "key:" + key[:12]
    return get_remote_address(request)


limiter = Limiter(
    key_func=get_remote_address,
    storage_uri=settings.redis_url,
    strategy="moving-window",
)
