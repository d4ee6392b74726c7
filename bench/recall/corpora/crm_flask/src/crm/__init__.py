"""Northwind Sales CRM."""
import logging
import os

from flask import Flask, render_template
from flask_talisman import Talisman

from .config import CONFIGS
from .extensions import cors, csrf, db, limiter, login_manager


def create_app(config_name=None):
    config_name = config_name or os.environ.get("CRM_ENV", "production")
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(CONFIGS[config_name])
    app.config.from_pyfile("local.cfg", silent=True)

    if config_name == "production" and not app.config.get("SECRET_KEY"):
        raise RuntimeError("CRM_SECRET_KEY must be set in production")

    _configure_logging(app)

    db.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    cors.init_app(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)

    if config_name == "production":
        Talisman(app, force_https=True, strict_transport_security=True,
                 content_security_policy=None)

    _register_blueprints(app)
    _register_errorhandlers(app)

    from . import filters
    filters.init_app(app)

    from . import cli
    cli.init_app(app)

    return app


def _register_blueprints(app):
    from .blueprints.admin import bp as admin_bp
    from .blueprints.api import bp as api_bp
    from .blueprints.auth import bp as auth_bp
    from .blueprints.campaigns import bp as campaigns_bp
    from .blueprints.contacts import bp as contacts_bp
    from .blueprints.deals import bp as deals_bp
    from .blueprints.webhooks import bp as webhooks_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(contacts_bp)
    app.register_blueprint(deals_bp)
    app.register_blueprint(campaigns_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(webhooks_bp)

    # The API authenticates with bearer tokens / client keys, not the session.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)


def _register_errorhandlers(app):
    @app.errorhandler(403)
    def forbidden(_err):
        return render_template("errors/403.html"), 403

    @app.errorhandler(404)
    def not_found(_err):
        return render_template("errors/404.html"), 404

    @app.errorhandler(500)
    def server_error(_err):
        db.session.rollback()
        return render_template("errors/500.html"), 500


def _configure_logging(app):
    level = logging.DEBUG if app.debug else logging.INFO
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s [%(name)s] %(message)s"))
    app.logger.handlers = [handler]
    app.logger.setLevel(level)
    logging.getLogger("crm").setLevel(level)
    logging.getLogger("crm").addHandler(handler)
