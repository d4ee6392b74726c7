"""Application factory for the team wiki."""
import logging
import os

from flask import Flask
from flask_cors import CORS
from flask_talisman import Talisman

from config import config_by_name
from .extensions import csrf, db, limiter, login_manager


def create_app(config_name=None):
    config_name = config_name or os.environ.get("WIKI_CONFIG", "production")
    app = Flask(__name__)
    app.config.from_object(config_by_name[config_name])

    db.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)

    CORS(
        app,
        resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}},
        supports_credentials=True,
    )

    if not app.debug and not app.testing:
        Talisman(app, force_https=True, content_security_policy=None)

    from .auth.views import auth_bp
    from .pages.views import pages_bp
    from .api.views import api_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(pages_bp)
    app.register_blueprint(api_bp, url_prefix="/api")
    csrf.exempt(api_bp)

    from . import filters
    filters.register(app)

    from .cli import wiki_cli
    app.cli.add_command(wiki_cli)

    logging.basicConfig(level=logging.INFO)
    return app
