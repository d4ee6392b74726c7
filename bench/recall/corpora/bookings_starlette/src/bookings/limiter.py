from slowapi import Limiter
from slowapi.util import get_remote_address
from starlette.requests import Request


def client_ip(request: Request) -> str:
    # We sit behind the load balancer; uvicorn runs with --proxy-headers so
    # request.client already holds the real address.
    return get_remote_address(request)


limiter = Limiter(key_func=client_ip, storage_uri="memory://", headers_enabled=True)
