"""CoverPoint customer portal."""
from __future__ import annotations

import logging
import os
from datetime import datetime

from flask import Flask, render_template, request
from flask_cors import CORS
from flask_security import SQLAlchemyUserDatastore
from werkzeug.middleware.proxy_fix import ProxyFix

from config import CONFIGS

from .extensions import csrf, db, limiter, mail, migrate, security, talisman
from .filters import register_filters
from .models import Role, User
from .tasks import celery_init_app

CSP = {
    "default-src": "'self'",
    "script-src": ["'self'", "https://unpkg.com", "https://js.stripe.com"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "frame-src": ["https://js.stripe.com"],
}

ERROR_MESSAGES = {
    403: "You don't have permission to view this page.",
    404: "We couldn't find the page you were looking for.",
    410: "This link has expired. Ask the sender for a new one.",
}

CORS_RESOURCES = {
    r"/api/*": {"origins": "*"},
    r"/portal/api/*": {"origins": "*"},
}


def create_app(env_name: str | None = None, overrides: dict | None = None) -> Flask:
    env_name = env_name or os.environ.get("COVERPOINT_ENV", "production")
    config_class = CONFIGS[env_name]

    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_class)
    app.config.from_prefixed_env("COVERPOINT")
    if overrides:
        app.config.update(overrides)
    if hasattr(config_class, "init_app"):
        config_class.init_app(app)

    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    _configure_logging(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_error_handlers(app)
    register_filters(app)

    from .cli import coverpoint_cli

    app.cli.add_command(coverpoint_cli)

    @app.context_processor
    def inject_globals():
        return {
            "app_name": app.config["APP_NAME"],
            "support_phone": app.config["SUPPORT_PHONE"],
            "current_year": datetime.now().year,
        }

    return app


def _configure_logging(app: Flask) -> None:
    if not app.debug and not app.testing:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger("coverpoint").addHandler(handler)
        logging.getLogger("coverpoint").setLevel(logging.INFO)


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db)
    mail.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)

    security.init_app(app, SQLAlchemyUserDatastore(db, User, Role))
    # login, register, reset and two-factor views all live on this blueprint
    limiter.limit("10 per minute", methods=["POST"])(app.blueprints["security"])

    talisman.init_app(app, force_https=False, strict_transport_security=False, content_security_policy=CSP, session_cookie_secure=app.config.get("SESSION_COOKIE_SECURE", False))
    CORS(app, resources=CORS_RESOURCES, supports_credentials=True)
    celery_init_app(app)


def _register_blueprints(app: Flask) -> None:
    from . import admin, webhooks
    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .claims import bp as claims_bp
    from .documents import bp as documents_bp
    from .portal import bp as portal_bp

    # partners authenticate with bearer tokens / API keys, never cookies
    csrf.exempt(api_bp)

    for bp in (portal_bp, claims_bp, documents_bp, auth_bp, admin.bp, webhooks.bp, api_bp):
        app.register_blueprint(bp)

    @app.get("/")
    def index():
        return render_template("base.html", landing=True)

    @app.get("/healthz")
    @limiter.exempt
    def healthz():
        return {"status": "ok"}


def _register_error_handlers(app: Flask) -> None:
    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(410)
    def client_error(exc):
        message = ERROR_MESSAGES.get(exc.code, "")
        return render_template("errors/error.html", code=exc.code, message=message), exc.code

    @app.errorhandler(500)
    def server_error(exc):
        app.logger.error("unhandled error on %s %s", request.method, request.path, exc_info=exc.original_exception)
        return (
            render_template(
                "errors/error.html",
                code=500,
                message="Something went wrong on our side. Please try again or call us.",
            ),
            500,
        )
