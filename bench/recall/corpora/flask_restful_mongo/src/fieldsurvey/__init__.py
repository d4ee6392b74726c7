"""Field Survey Service: application factory."""
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import get_config
from .extensions import cors, csrf, db, limiter, login_manager

__version__ = "2.4.1"


def create_app(config_name=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(get_config(config_name))
    app.config.from_prefixed_env("FIELDSURVEY")

    if not app.config.get("JWT_SECRET_KEY") and not app.testing:
        raise RuntimeError("JWT_SECRET_KEY is not set")

    if app.config.get("TRUSTED_PROXY_COUNT"):
        count = app.config["TRUSTED_PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    from .utils.logging import configure_logging

    configure_logging(app)

    db.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    csrf.init_app(app)
    cors.init_app(
        app,
        resources={
            r"/api/*": {"origins": "*", "supports_credentials": True},
            r"/public/*": {"origins": "*", "methods": ["GET"]},
        },
    )

    _register_blueprints(app)

    from .utils.templating import register_template_helpers

    register_template_helpers(app)

    from .cli import survey_cli

    app.cli.add_command(survey_cli)

    @app.after_request
    def _security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if not request_is_embed():
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response

    return app


def request_is_embed():
    from flask import request

    return request.blueprint == "public" and request.endpoint == "public.embed"


def _register_blueprints(app):
    from .api import api_bp
    from .auth import auth_bp
    from .public import public_bp
    from .web import web_bp
    from .webhooks import webhooks_bp

    app.register_blueprint(web_bp)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(public_bp, url_prefix="/public")
    app.register_blueprint(webhooks_bp, url_prefix="/hooks")

    # The REST API is consumed by tablets and scripts, not HTML forms.
    csrf.exempt(api_bp)
