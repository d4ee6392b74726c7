import os

from slowapi import Limiter
from slowapi.middleware import SlowAPIMiddleware
from slowapi.util import get_remote_address
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount, Route
from starlette_csrf import CSRFMiddleware

from service import views

limiter = Limiter(key_func=get_remote_address, default_limits=["60/minute"])

routes = [
    Route("/hello", views.hello),
    Mount("/account", routes=[Route("/login", views.login, methods=["POST"])]),
    Route("/cart", views.add_to_cart, methods=["POST"]),
]

middleware = [
    Middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"], https_only=True),
    Middleware(CSRFMiddleware, secret=os.environ["CSRF_SECRET"]),
    Middleware(SlowAPIMiddleware),
]

app = Starlette(routes=routes, middleware=middleware)
app.state.limiter = limiter
