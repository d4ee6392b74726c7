"""Application factory for the sales analytics portal."""
import logging

from flask import Flask, jsonify, redirect, render_template, request, url_for
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import get_config
from .extensions import cache, cors, csrf, db, limiter, login_manager
from .logging_setup import configure_logging

log = logging.getLogger(__name__)


def create_app(config_name=None):
    app = Flask(__name__)
    app.config.from_object(get_config(config_name))
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    configure_logging(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_template_helpers(app)
    _register_error_handlers(app)
    _register_security_headers(app)

    from .dashboard import init_dashboard

    init_dashboard(app)
    return app


def _init_extensions(app):
    db.init_app(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    cache.init_app(app)
    limiter.init_app(app)
    cors.init_app(app, resources={r"/partner/api/*": {"origins": "*"}}, supports_credentials=True)

    from . import models  # noqa: F401  (registers the user loader)


def _register_blueprints(app):
    from .admin import bp as admin_bp
    from .admin import ops_bp
    from .auth import bp as auth_bp
    from .dashboard.views import bp as dashboard_api_bp
    from .partner_api import bp as partner_bp
    from .reports import bp as reports_bp
    from .webhooks import bp as webhooks_bp

    for blueprint in (auth_bp, reports_bp, dashboard_api_bp, partner_bp, admin_bp, ops_bp, webhooks_bp):
        app.register_blueprint(blueprint)

    # Partner clients authenticate with an API key / bearer token header.
    csrf.exempt(partner_bp)
    csrf.exempt(ops_bp)
    # The user administration table posts plain forms from the legacy admin screens.
    csrf.exempt(admin_bp)

    @app.route("/")
    def index():
        return redirect(url_for("reports.index"))

    @app.route("/healthz")
    @limiter.exempt
    def healthz():
        return jsonify(status="ok")


def _register_template_helpers(app):
    from .formatting import customer_badge, money, status_pill

    app.add_template_filter(money)
    app.add_template_filter(customer_badge)
    app.add_template_filter(status_pill)

    @app.context_processor
    def inject_app_name():
        return {"app_name": app.config["APP_NAME"]}


def _register_error_handlers(app):
    @app.errorhandler(404)
    def not_found(exc):
        if request.path.startswith("/partner/api/"):
            return jsonify(error="not_found"), 404
        return render_template("errors/error.html", code=404, message="Page not found."), 404

    @app.errorhandler(500)
    def server_error(exc):
        db.session.rollback()
        log.exception("Unhandled error on %s %s", request.method, request.path)
        if request.path.startswith("/partner/api/"):
            return jsonify(error="internal_error"), 500
        return render_template("errors/error.html", code=500, message="Something went wrong."), 500


def _register_security_headers(app):
    @app.after_request
    def set_security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if app.config.get("HSTS_ENABLED"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
