import logging
import os

from flask import Flask
from flask_talisman import Talisman

from .config import get_config
from .extensions import cache, csrf, db, limiter, login_manager, mail, migrate
from .errors import register_error_handlers
from .filters import register_filters

CSP = {
    "default-src": "'self'",
    "img-src": ["'self'", "data:", "https://*.stripe.com"],
    "script-src": ["'self'", "https://js.stripe.com"],
    "frame-src": ["https://js.stripe.com"],
    "style-src": ["'self'", "'unsafe-inline'"],
}


def create_app(config_name=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(get_config(config_name))
    app.config.from_pyfile("local.cfg", silent=True)

    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )

    db.init_app(app)
    migrate.init_app(app, db)
    login_manager.init_app(app)
    csrf.init_app(app)
    cache.init_app(app)
    mail.init_app(app)
    limiter.init_app(app)

    if app.config.get("FORCE_HTTPS"):
        Talisman(
            app,
            force_https=True,
            strict_transport_security=True,
            strict_transport_security_max_age=31536000,
            content_security_policy=CSP,
            session_cookie_secure=True,
        )

    from .models import User

    @login_manager.user_loader
    def load_user(user_id):
        return db.session.get(User, int(user_id))

    from .admin.routes import admin_bp
    from .api import api_bp
    from .auth.routes import auth_bp
    from .listings.routes import listings_bp
    from .messages.routes import messages_bp
    from .webhooks.routes import webhooks_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(listings_bp)
    app.register_blueprint(messages_bp, url_prefix="/messages")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(webhooks_bp, url_prefix="/webhooks")

    # the mobile API authenticates with bearer tokens only
    csrf.exempt(api_bp)
    # htmx actions in the admin tables post without the form token
    csrf.exempt(admin_bp)

    register_filters(app)
    register_error_handlers(app)

    @app.context_processor
    def inject_globals():
        from .services.search import category_counts

        return {"app_name": app.config["APP_NAME"], "nav_categories": category_counts}

    @app.shell_context_processor
    def shell_context():
        from . import models

        return {"db": db, "models": models}

    return app
