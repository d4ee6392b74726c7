"""Corner Shop - Flask application factory."""
import os
import uuid

import redis
from flask import Flask, g, request

from . import db
from .config import CONFIGS
from .extensions import bcrypt, csrf, limiter, mail, server_session
from .logging_setup import configure_logging


def create_app(config_name=None):
    config_name = config_name or os.environ.get("SHOP_ENV", "production")
    configure_logging(config_name)

    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(CONFIGS[config_name])
    app.config.from_pyfile("local.cfg", silent=True)

    app.extensions["redis"] = redis.from_url(app.config["REDIS_URL"])
    if app.config["SESSION_TYPE"] == "redis":
        app.config["SESSION_REDIS"] = app.extensions["redis"]

    db.init_app(app)
    bcrypt.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    mail.init_app(app)
    server_session.init_app(app)

    from .security import load_current_user

    @app.before_request
    def _request_context():
        g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        load_current_user()

    @app.after_request
    def _security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if app.config["ENV_NAME"] == "production":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response

    from .blueprints import register_blueprints
    from .cli import register_cli
    from .errors import register_error_handlers
    from .templating import register_template_helpers

    register_blueprints(app)
    register_error_handlers(app)
    register_template_helpers(app)
    register_cli(app)

    return app
