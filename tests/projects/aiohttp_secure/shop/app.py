import base64
import os

import aiohttp_csrf
import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import setup as setup_session
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from shop import accounts
from shop.limits import rate_limit
from shop.views import routes


def create_app():
    app = web.Application(middlewares=[rate_limit])
    key = base64.urlsafe_b64decode(os.environ["SESSION_KEY"])
    setup_session(app, EncryptedCookieStorage(key, secure=True, httponly=True, samesite="Lax"))
    aiohttp_csrf.setup(app, policy=aiohttp_csrf.policy.FormPolicy("_csrf_token"),
                       storage=aiohttp_csrf.storage.SessionStorage("csrf_token"))
    app.middlewares.append(aiohttp_csrf.csrf_middleware)
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader("templates"))
    app.add_routes(routes)
    app.router.add_post("/login", accounts.login)
    app.router.add_route("POST", "/register", accounts.register)
    app.add_routes([web.post("/forgot-password", accounts.forgot_password), web.get("/logout", accounts.logout)])
    return app


if __name__ == "__main__":
    web.run_app(create_app(), port=8080)
