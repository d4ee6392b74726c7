import os

from pyramid.authentication import AuthTktAuthenticationPolicy
from pyramid.config import Configurator
from pyramid.session import SignedCookieSessionFactory


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.set_session_factory(SignedCookieSessionFactory(os.environ["SESSION_SECRET"], secure=True,
                                                              httponly=True))
        config.set_default_csrf_options(require_csrf=True)
        config.set_authentication_policy(AuthTktAuthenticationPolicy(os.environ["AUTH_SECRET"], secure=True,
                                                                     http_only=True, hashalg="sha512"))
        config.include("pyramid_jinja2")
        config.add_route("hello", "/hello")
        config.add_route("login", "/login")
        config.add_route("transfer", "/transfer")
        config.add_route("item", "/items/{item_id}")
        config.scan("shop.views")
        return config.make_wsgi_app()
