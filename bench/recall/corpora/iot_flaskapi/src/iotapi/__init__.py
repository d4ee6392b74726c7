"""Device-management backend: JSON API for devices and an operator console."""
import logging

from flask import Flask
from flask_cors import CORS

from . import settings
from .errors import register_error_handlers
from .extensions import csrf, limiter, redis_client

__version__ = "1.7.2"


def create_app(overrides=None):
    app = Flask(__name__)
    app.config.from_object(settings)
    if overrides:
        app.config.update(overrides)

    logging.basicConfig(
        level=settings.LOG_LEVEL,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )

    csrf.init_app(app)
    limiter.init_app(app)

    from .api import api_bp
    from .console import console_bp
    from .console.helpers import register_template_helpers

    # The API authenticates with bearer tokens only, never with the cookie.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(console_bp, url_prefix="/console")
    register_template_helpers(app)

    CORS(app, origins="*", supports_credentials=True)

    register_error_handlers(app)

    @app.after_request
    def security_headers(resp):
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        if settings.ENV == "production":
            resp.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return resp

    @app.get("/healthz")
    def healthz():
        redis_client.ping()
        return {"status": "ok", "version": __version__}

    return app
