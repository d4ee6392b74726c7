import logging
import os
import uuid

from flask import Flask, g, render_template, request
from werkzeug.debug import DebuggedApplication
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import get_config
from .extensions import api, cors, csrf, db, limiter, login_manager, mail, migrate

__version__ = "1.4.2"


def create_app(config_name=None):
    app = Flask(__name__, instance_relative_config=True)
    cfg = get_config(config_name)
    app.config.from_object(cfg)
    app.config.from_pyfile("settings.py", silent=True)

    os.makedirs(app.config["PDF_DIR"], exist_ok=True)
    os.makedirs(app.config["EXPORT_DIR"], exist_ok=True)

    configure_logging(app)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_request_hooks(app)

    from . import filters
    filters.init_app(app)

    from . import cli
    cli.init_app(app)

    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    if app.config["ENV_NAME"] != "testing":
        # tracebacks in the browser make the staging QA rounds much quicker
        app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)

    return app


def configure_logging(app):
    level = getattr(logging, app.config.get("LOG_LEVEL", "INFO").upper(), logging.INFO)
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(name)s] %(message)s")
    )
    root = logging.getLogger("grants")
    root.setLevel(level)
    if not root.handlers:
        root.addHandler(handler)
    app.logger.setLevel(level)


def register_extensions(app):
    db.init_app(app)
    migrate.init_app(app, db)
    login_manager.init_app(app)
    csrf.init_app(app)
    mail.init_app(app)
    limiter.init_app(app)
    api.init_app(app)
    cors.init_app(app, resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}}, supports_credentials=True)

    from .models import User

    @login_manager.user_loader
    def load_user(user_id):
        user = db.session.get(User, int(user_id))
        if user is not None and user.is_active:
            return user
        return None


def register_blueprints(app):
    from .api import register_api
    from .api.webhooks import bp as webhooks_bp
    from .web.admin import bp as admin_bp
    from .web.applications import bp as applications_bp
    from .web.auth import bp as auth_bp
    from .web.reviewer import bp as reviewer_bp

    register_api(api, csrf)
    app.register_blueprint(webhooks_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(applications_bp)
    app.register_blueprint(reviewer_bp)
    app.register_blueprint(admin_bp)

    from .api.errors import init_app as init_api_errors
    init_api_errors(app)


def register_error_handlers(app):
    @app.errorhandler(403)
    def forbidden(_exc):
        return render_template("errors/403.html"), 403

    @app.errorhandler(404)
    def not_found(_exc):
        if request.path.startswith("/api/"):
            return {"code": 404, "status": "Not Found"}, 404
        return render_template("errors/404.html"), 404

    @app.errorhandler(500)
    def server_error(exc):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        if request.path.startswith("/api/"):
            return {"code": 500, "status": "Internal Server Error", "request_id": g.get("request_id")}, 500
        return render_template("errors/500.html", request_id=g.get("request_id")), 500


def register_request_hooks(app):
    @app.before_request
    def assign_request_id():
        g.request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if app.config["ENV_NAME"] == "production":
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        response.headers["X-Request-ID"] = g.get("request_id", "")
        return response
