"""Riverside Sports Club - members, events and newsletters."""
import os

from flask import Flask
from flask_security import SQLAlchemyUserDatastore
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import config_by_name
from .extensions import cache, cors, csrf, db, limiter, mail, security


def create_app(config_name=None, **overrides):
    config_name = config_name or os.environ.get("CLUB_CONFIG", "production")
    config_class = config_by_name[config_name]

    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_class)
    app.config.from_pyfile(f"{config_name}.cfg", silent=True)
    app.config.update(overrides)
    config_class.init_app(app)

    if config_name == "production":
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    db.init_app(app)
    mail.init_app(app)
    cache.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    cors.init_app(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)

    _init_security(app)
    _register_blueprints(app)
    _register_template_helpers(app)
    _register_headers(app)

    from .admin import init_admin
    from .cli import register_cli

    init_admin(app)
    register_cli(app)
    return app


def _init_security(app):
    from .forms import ExtendedRegisterForm
    from .models import Role, User
    from . import signals  # noqa: F401  (connects signal receivers)

    app.user_datastore = SQLAlchemyUserDatastore(db, User, Role)
    security.init_app(app, app.user_datastore, register_form=ExtendedRegisterForm)

    # Login, registration and recovery pages come from Flask-Security's blueprint.
    limiter.limit("10 per minute", methods=["POST"])(app.blueprints["security"])


def _register_blueprints(app):
    from .account import bp as account_bp
    from .api import api_bp
    from .events import bp as events_bp
    from .main import bp as main_bp
    from .membership import bp as membership_bp
    from .webhooks import bp as webhooks_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(events_bp)
    app.register_blueprint(membership_bp)
    app.register_blueprint(account_bp)
    app.register_blueprint(webhooks_bp)
    app.register_blueprint(api_bp)


def _register_template_helpers(app):
    from .filters import register_filters

    register_filters(app)

    @app.context_processor
    def inject_club():
        return {"club_name": app.config["APP_NAME"]}


def _register_headers(app):
    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        max_age = app.config.get("HSTS_MAX_AGE")
        if max_age:
            response.headers.setdefault("Strict-Transport-Security", f"max-age={max_age}; includeSubDomains")
        return response
