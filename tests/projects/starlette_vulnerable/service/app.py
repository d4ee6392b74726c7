import os

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount, Route

from service import views

routes = [
    Route("/hello", views.hello),
    Mount("/account", routes=[Route("/login", views.login, methods=["POST"])]),
    Route("/cart", views.add_to_cart, methods=["POST"]),
]

middleware = [
    Middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"]),  # expect: CONF003
]

app = Starlette(debug=True, routes=routes, middleware=middleware)  # expect: CONF001  # audit: CSRF004, RATE004
