"""FleetOps work-order API and workshop admin."""
from flask import Flask

from .config import get_config
from .extensions import cors, csrf, db, jwt, limiter, login_manager, migrate, smorest_api
from .logging_setup import configure_logging


def create_app(config_name: str | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_object(get_config(config_name))

    configure_logging(app)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_template_helpers(app)
    register_security_headers(app)
    return app


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db)
    jwt.init_app(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    smorest_api.init_app(app)
    cors.init_app(app, origins="*", supports_credentials=True)

    from .celery_app import celery_init_app

    celery_init_app(app)


def register_blueprints(app: Flask) -> None:
    from .admin import admin_bp
    from .api import register_api
    from .webhooks import webhooks_bp

    register_api(smorest_api)
    app.register_blueprint(admin_bp)
    app.register_blueprint(webhooks_bp)


def register_error_handlers(app: Flask) -> None:
    from .errors import init_error_handlers

    init_error_handlers(app)


def register_template_helpers(app: Flask) -> None:
    from .admin.filters import init_filters

    init_filters(app)


def register_security_headers(app: Flask) -> None:
    from .security.headers import init_security_headers

    init_security_headers(app)
