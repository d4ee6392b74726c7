import os

from litestar import Litestar
from litestar.config.csrf import CSRFConfig
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.middleware.session.client_side import CookieBackendConfig

from service.views import AccountController, greeting, hello, login

session_config = CookieBackendConfig(secret=bytes.fromhex(os.environ["SESSION_KEY"]), secure=True, httponly=True)
rate_limit_config = RateLimitConfig(rate_limit=("minute", 10))

app = Litestar(
    route_handlers=[hello, greeting, login, AccountController],
    middleware=[session_config.middleware, rate_limit_config.middleware],
    csrf_config=CSRFConfig(secret=os.environ["CSRF_SECRET"]),
)
