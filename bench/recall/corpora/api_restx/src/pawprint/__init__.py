"""PawPrint: records, appointments and billing for the PawPrint clinic chain."""
import logging
import os
import uuid

from flask import Flask, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from config import config_by_name

from .extensions import cache, cors, csrf, init_mongo, jwt, limiter, login_manager, mail, talisman

__version__ = "1.4.2"

log = logging.getLogger(__name__)


def create_app(config_name=None):
    config_name = config_name or os.environ.get("FLASK_CONFIG", "production")
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_by_name[config_name])
    app.config.from_pyfile("settings.cfg", silent=True)

    _configure_logging(app)
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    init_mongo(app)
    cache.init_app(app)
    mail.init_app(app)
    jwt.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    cors.init_app(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)

    if app.config["ENV_NAME"] == "production":
        talisman.init_app(
            app,
            force_https=True,
            strict_transport_security=True,
            strict_transport_security_max_age=31536000,
            content_security_policy=app.config["CSP"],
            session_cookie_secure=True,
        )

    from .billing.db import init_billing_pool

    init_billing_pool(app)

    _register_blueprints(app)
    _register_error_handlers(app)
    _register_request_hooks(app)
    return app


def _register_blueprints(app):
    from .admin import admin_bp
    from .admin.auth_views import auth_bp
    from .api import api_bp
    from .hooks import hooks_bp

    # The API authenticates with JWTs, not the admin session.
    csrf.exempt(api_bp)

    app.register_blueprint(api_bp, url_prefix="/api")
    app.register_blueprint(auth_bp, url_prefix="/admin")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(hooks_bp, url_prefix="/hooks")


def _register_request_hooks(app):
    @app.before_request
    def assign_request_id():
        g.request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex

    @app.after_request
    def add_request_id(response):
        response.headers.setdefault("X-Request-ID", getattr(g, "request_id", ""))
        return response


def _wants_json():
    if request.path.startswith(("/api/", "/hooks/")):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json"


def _register_error_handlers(app):
    """HTML/JSON error pages; the API namespaces have their own handlers."""

    @app.errorhandler(HTTPException)
    def handle_http_error(error):
        if _wants_json():
            return jsonify(message=error.description, status=error.code), error.code
        return (
            render_template(
                "errors/error.html",
                code=error.code,
                title=error.name,
                description=error.description,
            ),
            error.code,
        )

    @app.errorhandler(500)
    def handle_server_error(error):
        original = getattr(error, "original_exception", None) or error
        log.error("Unhandled error on %s %s", request.method, request.path, exc_info=original)
        if _wants_json():
            return jsonify(message="Internal server error", status=500), 500
        return (
            render_template(
                "errors/error.html",
                code=500,
                title="Something went wrong",
                description="The problem has been logged. Please try again in a moment.",
            ),
            500,
        )


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        try:
            record.request_id = getattr(g, "request_id", "-")
        except RuntimeError:
            record.request_id = "-"
        return True


def _configure_logging(app):
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s")
    )
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger("pawprint")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if app.debug else logging.INFO)
    root.propagate = False
