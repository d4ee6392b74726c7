"""DispatchDesk: back-office for dispatchers, depots and carrier operations."""
import logging

from flask import Flask
from flask_cors import CORS
from flask_talisman import Talisman

from .extensions import appbuilder, csrf, db, limiter, mail
from .logging_setup import configure_logging

log = logging.getLogger(__name__)


def create_app(config_object="config", overrides=None):
    app = Flask(__name__)
    app.config.from_object(config_object)
    if overrides is not None:
        app.config.from_object(overrides)

    configure_logging(app)

    db.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    mail.init_app(app)

    with app.app_context():
        appbuilder.init_app(app, db.session)

        from .api import register_apis
        from .views import register_views

        register_views(appbuilder)
        register_apis(appbuilder)

    from .webhooks import webhooks_bp

    app.register_blueprint(webhooks_bp)
    # Carriers authenticate each delivery with a signature, not a session.
    csrf.exempt(webhooks_bp)

    # Warehouse wallboards and the customer tracking widget call the API from
    # their own hosts.
    CORS(app, resources={r"/api/v1/*": {"origins": "*"}}, supports_credentials=True)

    Talisman(
        app,
        force_https=app.config.get("TALISMAN_FORCE_HTTPS", True),
        strict_transport_security=True,
        strict_transport_security_max_age=app.config.get("TALISMAN_HSTS_MAX_AGE", 31536000),
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy=None,
    )

    from .tasks import init_celery

    init_celery(app)

    from .cli import register_cli

    register_cli(app)

    log.info("DispatchDesk started (env=%s)", app.config.get("DISPATCHDESK_ENV"))
    return app
