"""Application factory.

Connexion serves the OpenAPI operations under /api/v1.  The staff console,
the reception kiosk and the analyser webhook are ordinary Flask blueprints on
the Flask app that Connexion wraps.
"""
from __future__ import annotations

import uuid
from pathlib import Path

import connexion
import structlog
from connexion.options import SwaggerUIOptions
from flask import Flask, request
from flask_cors import CORS

from labtrack import database, errors
from labtrack.config import get_config
from labtrack.extensions import celery_init_app, csrf, limiter, login_manager
from labtrack.log_config import configure_logging

SPEC_DIR = Path(__file__).parent / "openapi"
API_BASE_PATH = "/api/v1"

log = structlog.get_logger(__name__)


def create_app(env: str | None = None) -> connexion.FlaskApp:
    config = get_config(env)
    configure_logging(config.LOG_LEVEL, json=config.LOG_JSON)

    app = connexion.FlaskApp(
        __name__,
        specification_dir=SPEC_DIR,
        swagger_ui_options=SwaggerUIOptions(swagger_ui=config.SWAGGER_UI),
    )
    app.add_api("labtrack.yaml", base_path=API_BASE_PATH, strict_validation=True)
    errors.register_api_handlers(app)

    flask_app = app.app
    flask_app.config.from_object(config)

    database.init_app(flask_app)
    login_manager.init_app(flask_app)
    csrf.init_app(flask_app)
    limiter.init_app(flask_app)
    celery_init_app(flask_app)

    _register_blueprints(flask_app)

    CORS(flask_app, resources={r"/staff/api/*": {"origins": flask_app.config["CORS_ORIGINS"]}}, supports_credentials=True)

    _install_request_context(flask_app)
    errors.register_web_handlers(flask_app)
    return app


def _register_blueprints(flask_app: Flask) -> None:
    from labtrack.web import hooks, reception, staff

    flask_app.register_blueprint(staff.bp)
    flask_app.register_blueprint(reception.bp)
    flask_app.register_blueprint(hooks.bp)

    # Blueprints created by connexion's add_api() carry the OpenAPI operations,
    # which authenticate with bearer tokens or API keys and never read the
    # session cookie, so form tokens do not apply to them.
    ui_blueprints = {staff.bp.name, reception.bp.name, hooks.bp.name}
    for name, blueprint in flask_app.blueprints.items():
        if name not in ui_blueprints:
            csrf.exempt(blueprint)

    # Reception tablets sit on the check-in page for a whole shift, well past
    # WTF_CSRF_TIME_LIMIT, and staff kept hitting "The CSRF token has expired".
    csrf.exempt(reception.bp)


def _install_request_context(flask_app: Flask) -> None:
    @flask_app.before_request
    def bind_request_context() -> None:
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(
            request_id=request.headers.get("X-Request-ID") or uuid.uuid4().hex,
            method=request.method,
            path=request.path,
        )
        log.info("request_started", remote_addr=request.remote_addr, headers=dict(request.headers))

    @flask_app.after_request
    def add_security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
