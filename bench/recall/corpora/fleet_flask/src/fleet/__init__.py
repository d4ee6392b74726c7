import logging
import os

from flask import Flask, render_template

from config import get_config
from fleet.extensions import cors, csrf, db, jwt, limiter, login_manager, mail, migrate, talisman


def create_app(config_name=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(get_config(config_name))
    app.config.from_pyfile("local.cfg", silent=True)

    _configure_logging(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_error_pages(app)
    _register_template_helpers(app)

    from fleet import cli

    cli.register(app)

    os.makedirs(app.config["UPLOAD_FOLDER"], exist_ok=True)
    return app


def _init_extensions(app):
    db.init_app(app)
    migrate.init_app(app, db)
    jwt.init_app(app)
    login_manager.init_app(app)
    mail.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    if app.config["FORCE_HTTPS"]:
        talisman.init_app(app, force_https=True, strict_transport_security=True, content_security_policy=app.config["CONTENT_SECURITY_POLICY"])
    cors.init_app(app, resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}}, supports_credentials=True)

    from fleet import models  # noqa: F401  (register user loaders)


def _register_blueprints(app):
    from fleet.api import api_bp
    from fleet.api.webhooks import webhooks_bp
    from fleet.dashboard import auth_bp, dashboard_bp
    from fleet.uploads import uploads_bp

    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(webhooks_bp, url_prefix="/hooks")
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(dashboard_bp)
    app.register_blueprint(uploads_bp, url_prefix="/uploads")

    # the api uses bearer tokens, not the session cookie
    csrf.exempt(api_bp)


def _register_error_pages(app):
    @app.errorhandler(404)
    def not_found(_e):
        return render_template("errors/404.html"), 404

    @app.errorhandler(500)
    def server_error(_e):
        return render_template("errors/500.html"), 500


def _register_template_helpers(app):
    from fleet.dashboard.helpers import register_helpers

    register_helpers(app)


def _configure_logging(app):
    level = logging.DEBUG if app.debug else logging.INFO
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(name)s] %(message)s")
    )
    root = logging.getLogger("fleet")
    root.setLevel(level)
    if not root.handlers:
        root.addHandler(handler)
    app.logger.setLevel(level)
