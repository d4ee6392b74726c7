import logging
import os
from logging.handlers import RotatingFileHandler

from flask import Flask, g, render_template, request
from werkzeug.middleware.proxy_fix import ProxyFix

from . import db
from .config import get_config
from .security import generate_csrf_token, load_logged_in_user
from .text import MIDDOT, user_link
from .utils import avatar_colour, humanize_delta

__version__ = "1.7.2"


def _configure_logging(app):
    level = getattr(logging, app.config.get("LOG_LEVEL", "INFO").upper(), logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s [%(name)s] %(message)s")
    log_dir = os.environ.get("LOG_DIR")
    if log_dir:
        handler = RotatingFileHandler(os.path.join(log_dir, "photos.log"), maxBytes=10_000_000, backupCount=5)
    else:
        handler = logging.StreamHandler()
    handler.setFormatter(fmt)
    root = logging.getLogger("photos")
    root.setLevel(level)
    root.addHandler(handler)
    app.logger.setLevel(level)


def create_app(config_object=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_object or get_config())
    app.config.from_pyfile("settings.cfg", silent=True)

    if not app.config.get("TESTING") and not app.config.get("JWT_SECRET"):
        raise RuntimeError("JWT_SECRET must be set")

    os.makedirs(app.instance_path, exist_ok=True)
    # nginx sits in front of us
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    _configure_logging(app)
    db.init_app(app)
    app.before_request(load_logged_in_user)

    app.jinja_env.globals.update(
        csrf_token=generate_csrf_token,
        user_link=user_link,
        avatar_colour=avatar_colour,
        MIDDOT=MIDDOT,
        app_version=__version__,
    )
    app.jinja_env.filters["timeago"] = humanize_delta

    from .views import admin, albums, api, auth, hooks, photos, users

    app.register_blueprint(auth.bp)
    app.register_blueprint(photos.bp)
    app.register_blueprint(users.bp)
    app.register_blueprint(albums.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(hooks.bp)

    @app.after_request
    def security_headers(resp):
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        resp.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        return resp

    @app.errorhandler(403)
    def forbidden(e):
        return render_template("errors/403.html"), 403

    @app.errorhandler(404)
    def not_found(e):
        if request.path.startswith("/api/"):
            return {"error": "not found"}, 404
        return render_template("errors/404.html"), 404

    @app.errorhandler(413)
    def too_large(e):
        return render_template("errors/413.html"), 413

    @app.errorhandler(500)
    def server_error(e):
        app.logger.exception("unhandled error on %s", request.path)
        return render_template("errors/500.html"), 500

    @app.context_processor
    def inject_user():
        return {"current_user": g.get("user")}

    return app
