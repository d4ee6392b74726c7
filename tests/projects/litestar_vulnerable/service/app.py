import os

from litestar import Litestar
from litestar.middleware.session.client_side import CookieBackendConfig

from service.views import AccountController, greeting, hello, login

session_config = CookieBackendConfig(secret=os.urandom(16), secure=False)  # expect: CONF003

app = Litestar(  # expect: CSRF004
    route_handlers=[hello, greeting, login, AccountController], middleware=[session_config.middleware], debug=True,  # expect: CONF001
)
