"""Application factory."""
from __future__ import annotations

import logging

from sanic import Sanic

from gatepass import errors, listeners, middleware, templating
from gatepass.config import Settings, get_settings

logger = logging.getLogger("gatepass")


def create_app(settings: type[Settings] | None = None, *, name: str = "gatepass") -> Sanic:
    app = Sanic(name, env_prefix="GATEPASS_")
    app.config.update_config(settings or get_settings())

    # blueprints import repositories/services, keep the import local so that
    # scripts importing gatepass.config don't pull the whole web stack
    from gatepass.blueprints import admin, api, site

    templating.setup(app)
    listeners.register(app)
    middleware.register(app)
    errors.register(app)

    app.blueprint(site)
    app.blueprint(api)
    app.blueprint(admin)
    app.static("/static", app.config.TEMPLATING_PATH_TO_TEMPLATES.parent / "static", name="static")

    logger.debug("gatepass app %s created (env=%s)", name, app.config.ENV)
    return app
