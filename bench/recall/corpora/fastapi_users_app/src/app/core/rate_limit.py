from fastapi import HTTPException, Request, status
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from slowapi import Limiter
from slowapi.util import get_remote_address

from app.core.config import settings


def client_ip(request: Request) -> str:
    # gunicorn's forwarded_allow_ips is set to the load balancer range, so
    # request.client already carries the original address.
    return get_remote_address(request)


limiter = Limiter(key_func=client_ip, storage_uri=settings.rate_limit_storage_uri)

_storage = storage_from_string(settings.rate_limit_storage_uri)
_moving_window = MovingWindowRateLimiter(_storage)


class RateLimit:
    """Router-level limit for routers we do not define ourselves (fastapi-users).

    slowapi's decorator needs access to the endpoint function, which the
    fastapi-users routers do not expose, so this dependency talks to the same
    storage through the ``limits`` API.
    """

    def __init__(self, rate: str, scope: str) -> None:
        self.item = parse(rate)
        self.scope = scope

    async def __call__(self, request: Request) -> None:
        if not _moving_window.hit(self.item, self.scope, client_ip(request)):
            raise HTTPException(
                status_code=status.HTTP_429_TOO_MANY_REQUESTS,
                detail="Too many requests, please try again later.",
                headers={"Retry-After": str(self.item.get_expiry())},
            )
