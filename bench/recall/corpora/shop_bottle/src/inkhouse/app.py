"""Application factory: builds the Bottle app tree and the WSGI stack."""
import logging
import secrets

import bottle
from beaker.middleware import SessionMiddleware
from bottle import Bottle, request, response, static_file

from . import settings
from .admin import admin_app
from .api import api_app
from .helpers import configure_logging, render
from .models import database, init_database
from .plugins import PeeweePlugin
from .plugins.auth import current_customer
from .plugins.csrf import CSRFPlugin, csrf_field, get_token
from .plugins.ratelimit import limiter
from .routes import account, checkout, storefront
from .services import mailer

log = logging.getLogger(__name__)

STOREFRONT_MODULES = (storefront, account, checkout)


def _security_headers():
    response.set_header("X-Content-Type-Options", "nosniff")
    response.set_header("X-Frame-Options", "SAMEORIGIN")
    response.set_header("Referrer-Policy", "strict-origin-when-cross-origin")
    if request.urlparts.scheme == "https":
        response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")


def _ensure_secret(config, key, dev_mode):
    if config.get(key):
        return
    if not dev_mode:
        raise RuntimeError(f"{key} must be configured outside development")
    # Throwaway value: sessions and remembered logins reset on restart.
    config[key] = secrets.token_hex(32)


def create_app():
    app = Bottle()
    settings.load(app.config)
    configure_logging(app.config)

    dev_mode = settings.is_development(app.config)
    if dev_mode:
        bottle.debug(True)
    _ensure_secret(app.config, "app.cookie_secret", dev_mode)
    _ensure_secret(app.config, "session.secret", dev_mode)

    bottle.TEMPLATE_PATH.insert(0, str(settings.TEMPLATE_DIR))
    bottle.BaseTemplate.defaults.update(
        csrf_field=csrf_field,
        csrf_token=get_token,
        current_customer=current_customer,
        site_name=app.config.get("app.site_name", "Inkhouse"),
    )

    init_database(settings.DATABASE_URL)
    limiter.configure(app.config.get("ratelimit.redis_url"),
                      enabled=settings.as_bool(app.config.get("ratelimit.enabled"), True))
    mailer.configure(app.config)

    shared_plugins = (PeeweePlugin(database), CSRFPlugin())
    for module in STOREFRONT_MODULES:
        for plugin in shared_plugins:
            module.app.install(plugin)
        app.merge(module.app)

    for sub_app in (api_app, admin_app):
        sub_app.config.update(app.config)
    app.mount("/api", api_app)
    app.mount("/admin", admin_app)

    app.add_hook("after_request", _security_headers)

    @app.get("/static/<path:path>")
    def static(path):
        return static_file(path, root=str(settings.STATIC_DIR))

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    @app.error(404)
    def not_found(err):
        return render("error.html", title="Page not found",
                      message="We couldn't find that page. It may have sold out or moved.")

    @app.error(500)
    def server_error(err):
        log.error("Unhandled error on %s %s", request.method, request.path, exc_info=err.exception)
        return render("error.html", title="Something went wrong",
                      message="Sorry, that didn't work. We've been notified and will look into it.")

    return app


def build_wsgi_app(app=None):
    """Wrap the Bottle app in the Beaker session middleware."""
    app = app or create_app()
    dev_mode = settings.is_development(app.config)
    session_opts = {
        "session.type": "file",
        "session.data_dir": app.config.get("session.data_dir", "var/sessions"),
        "session.lock_dir": app.config.get("session.data_dir", "var/sessions") + "/locks",
        "session.key": "inkhouse_sid",
        "session.secret": app.config["session.secret"],
        "session.timeout": settings.as_int(app.config.get("session.timeout"), 1209600),
        "session.cookie_expires": True,
        "session.httponly": True,
        "session.secure": not dev_mode,
        "session.samesite": "Lax",
        "session.auto": False,
    }
    return SessionMiddleware(app, session_opts)
