import os

from pyramid.authentication import AuthTktAuthenticationPolicy
from pyramid.config import Configurator
from pyramid.session import SignedCookieSessionFactory


def main(global_config, **settings):
    with Configurator(settings=settings) as config:  # expect: CSRF004  # audit: RATE004
        config.set_session_factory(SignedCookieSessionFactory(os.environ["SESSION_SECRET"]))  # expect: CONF003
        config.set_authentication_policy(AuthTktAuthenticationPolicy(os.environ["AUTH_SECRET"], secure=True,
                                                                     http_only=True, hashalg="sha512"))
        config.include("pyramid_jinja2")
        config.add_route("hello", "/hello")
        config.add_route("login", "/login")
        config.add_route("transfer", "/transfer")
        config.add_route("item", "/items/{item_id}")
        config.add_route("profile", "/profile")
        config.scan("shop.views")
        return config.make_wsgi_app()
