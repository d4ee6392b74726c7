from fastapi import Request
from slowapi import Limiter
from slowapi.util import get_remote_address

from app.core.config import settings


def client_ip(request: Request) -> str:
    # uvicorn runs with --proxy-headers behind the load balancer, so
    # request.client already holds the forwarded address.
    return get_remote_address(request)


limiter = Limiter(
    key_func=client_ip,
    storage_uri=settings.REDIS_URL,
)
