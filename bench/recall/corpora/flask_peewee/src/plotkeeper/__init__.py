"""Plotkeeper: allotment and waiting-list management for community gardens."""
from flask import Flask, render_template
from flask_cors import CORS

from .config import CONFIGS
from .db import init_db
from .extensions import cache, csrf, limiter, login_manager, mail
from .utils.logging import configure_logging


def create_app(config_name="production"):
    app = Flask(__name__)
    app.config.from_object(CONFIGS[config_name])

    configure_logging(app)
    init_db(app)

    cache.init_app(app)
    csrf.init_app(app)
    mail.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)

    # The plot map widget is embedded on partner garden websites.
    CORS(app, origins="*", supports_credentials=True)

    if app.config.get("TALISMAN_ENABLED"):
        from flask_talisman import Talisman

        Talisman(
            app,
            force_https=True,
            strict_transport_security=True,
            strict_transport_security_max_age=31536000,
            content_security_policy={"default-src": "'self'", "img-src": ["'self'", "data:"]},
        )

    _register_blueprints(app)
    _register_template_helpers(app)
    _register_error_pages(app)

    from . import cli

    cli.init_app(app)
    return app


def _register_blueprints(app):
    from .admin import bp as admin_bp
    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .notices import bp as notices_bp
    from .plots import bp as plots_bp
    from .reports import bp as reports_bp
    from .webhooks import bp as webhooks_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(plots_bp)
    app.register_blueprint(notices_bp, url_prefix="/notices")
    app.register_blueprint(reports_bp, url_prefix="/reports")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(webhooks_bp, url_prefix="/webhooks")

    # Mobile clients authenticate with bearer tokens, never with the session cookie.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")


def _register_template_helpers(app):
    from .plots.filters import register_filters

    register_filters(app)


def _register_error_pages(app):
    @app.errorhandler(404)
    def not_found(error):
        return render_template("errors/404.html"), 404

    @app.errorhandler(500)
    def server_error(error):
        app.logger.exception("Unhandled error")
        return render_template("errors/500.html"), 500
