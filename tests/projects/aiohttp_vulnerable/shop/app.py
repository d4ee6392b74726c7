import base64
import os

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import setup as setup_session
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from shop import accounts
from shop.views import routes


def create_app():
    app = web.Application(debug=True)  # expect: CONF001, CSRF004  # audit: RATE004
    key = base64.urlsafe_b64decode(os.environ["SESSION_KEY"])
    setup_session(app, EncryptedCookieStorage(key, httponly=False))  # expect: CONF003
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader("templates"), autoescape=False)  # expect: XSS003
    app.add_routes(routes)
    app.router.add_post("/login", accounts.login)
    app.router.add_route("POST", "/register", accounts.register)
    app.add_routes([web.post("/forgot-password", accounts.forgot_password), web.get("/logout", accounts.logout)])
    return app


if __name__ == "__main__":
    web.run_app(create_app(), port=8080)
