import logging
import os

from flask import Flask, render_template

from config import CONFIGS
from . import db, filters
from .extensions import csrf, limiter, mail, scheduler, sess, talisman
from .jobs import register_jobs

log = logging.getLogger(__name__)


def create_app(env=None):
    env = env or os.environ.get("ROTA_ENV", "production")
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(CONFIGS[env])
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("ROTA")

    _init_extensions(app)
    _register_blueprints(app)
    _register_error_pages(app)
    filters.register(app)
    db.init_app(app)

    if not app.testing:
        register_jobs(app, scheduler)

    return app


def _init_extensions(app):
    import redis

    app.config.setdefault("SESSION_REDIS", redis.from_url(app.config["REDIS_URL"]))
    sess.init_app(app)
    csrf.init_app(app)
    mail.init_app(app)
    limiter.init_app(app)
    talisman.init_app(
        app,
        force_https=False,
        strict_transport_security=False,
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy={
            "default-src": "'self'",
            "img-src": ["'self'", "https://www.gravatar.com"],
            "style-src": ["'self'", "'unsafe-inline'"],
        },
    )


def _register_blueprints(app):
    from .admin import bp as admin_bp
    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .public import bp as public_bp
    from .schedule import bp as schedule_bp
    from .staff import bp as staff_bp
    from .webhooks import bp as webhooks_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(schedule_bp, url_prefix="/schedule")
    app.register_blueprint(staff_bp, url_prefix="/staff")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(public_bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(webhooks_bp, url_prefix="/hooks")

    # The mobile API authenticates with bearer tokens, not the session cookie.
    csrf.exempt(api_bp)


def _register_error_pages(app):
    @app.errorhandler(404)
    def not_found(_e):
        return render_template("error.html", title="Page not found", message=""), 404

    @app.errorhandler(500)
    def server_error(e):
        log.exception("unhandled error: %s", e)
        return (
            render_template(
                "error.html",
                title="Something went wrong",
                message="The rota team has been notified.",
            ),
            500,
        )
