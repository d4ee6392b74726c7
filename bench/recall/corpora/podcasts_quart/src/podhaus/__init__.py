"""Podhaus: podcast hosting on Quart."""
from __future__ import annotations

import logging
from datetime import timedelta

from quart import Quart
from quart_rate_limiter import RateLimiter
from quart_rate_limiter.redis_store import RedisStore

from . import middleware, templating
from .auth_user import User
from .config import get_config
from .extensions import auth_manager, csrf, db, schema

__version__ = "1.4.0"


def _configure_logging(app: Quart) -> None:
    level = logging.DEBUG if app.debug else logging.INFO
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s [%(name)s] %(message)s",
    )
    logging.getLogger("asyncpg").setLevel(logging.WARNING)


def _register_blueprints(app: Quart) -> None:
    from .blueprints.admin import bp as admin_bp
    from .blueprints.api import bp as api_bp
    from .blueprints.auth import bp as auth_bp
    from .blueprints.episodes import bp as episodes_bp
    from .blueprints.feeds import bp as feeds_bp
    from .blueprints.shows import bp as shows_bp
    from .blueprints.webhooks import bp as webhooks_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(shows_bp)
    app.register_blueprint(episodes_bp)
    app.register_blueprint(feeds_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(webhooks_bp, url_prefix="/webhooks")

    # The API authenticates with bearer tokens only and never reads the
    # dashboard cookie, so it does not take part in the session CSRF scheme.
    csrf.exempt_blueprint(api_bp.name)


def create_app(config_name: str | None = None) -> Quart:
    config = get_config(config_name)
    config.validate()

    app = Quart(__name__)
    app.config.from_object(config)
    app.permanent_session_lifetime = timedelta(days=14)

    _configure_logging(app)

    db.init_app(app)
    auth_manager.init_app(app)
    auth_manager.user_class = User
    csrf.init_app(app)
    schema.init_app(app)
    if app.config.get("RATE_LIMITS_ENABLED", True):
        RateLimiter(app, store=RedisStore(app.config["REDIS_URL"]))

    templating.init_app(app)
    middleware.init_app(app)
    _register_blueprints(app)

    return app
