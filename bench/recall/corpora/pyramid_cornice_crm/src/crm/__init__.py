from pyramid.config import Configurator

from crm.config import load_environment


def main(global_config, **settings):
    """This function returns a Pyramid WSGI application."""
    load_environment(settings)
    with Configurator(settings=settings, root_factory="crm.routes.RootFactory") as config:
        config.include("pyramid_jinja2")
        config.include("cornice")
        config.include(".models")
        config.include(".security")
        config.include(".templating")
        config.include(".services.throttle")
        config.include(".routes")
        config.add_tween("crm.tweens.request_log_tween_factory")
        config.scan(ignore=[".alembic", ".scripts"])
    return config.make_wsgi_app()
