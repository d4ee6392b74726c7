import logging
import os
from logging.handlers import RotatingFileHandler

from flask import Flask, render_template, request
from flask_cors import CORS
from werkzeug.middleware.proxy_fix import ProxyFix

from config import config
from app.extensions import csrf, db, jwt_manager, limiter, login_manager, ma, migrate


def create_app(config_name=None):
    config_name = config_name or os.environ.get("FLASK_CONFIG", "default")
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config[config_name])
    app.config.from_pyfile("local.cfg", silent=True)

    if config_name == "production":
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    _configure_logging(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_error_handlers(app)
    _register_template_helpers(app)

    from app import cli

    cli.register(app)
    return app


def _configure_logging(app):
    level = getattr(logging, app.config.get("LOG_LEVEL", "INFO").upper(), logging.INFO)
    app.logger.setLevel(level)
    logging.getLogger("app").setLevel(level)

    if not app.debug and not app.testing:
        log_dir = os.path.join(app.instance_path, "logs")
        os.makedirs(log_dir, exist_ok=True)
        handler = RotatingFileHandler(
            os.path.join(log_dir, "inventory.log"), maxBytes=5 * 1024 * 1024, backupCount=5
        )
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s [%(name)s] %(message)s")
        )
        handler.setLevel(level)
        app.logger.addHandler(handler)
        logging.getLogger("app").addHandler(handler)


def _init_extensions(app):
    db.init_app(app)
    migrate.init_app(app, db)
    ma.init_app(app)
    jwt_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    # the scanner web view and the dashboard widgets on the intranet call us cross-origin
    CORS(app, origins=app.config.get("CORS_ORIGINS", "*"), supports_credentials=True)

    from app.models import User

    @login_manager.user_loader
    def load_user(user_id):
        return db.session.get(User, int(user_id))


def _register_blueprints(app):
    from app.api import api_bp
    from app.auth import auth_bp
    from app.reports import reports_bp
    from app.stock import stock_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(stock_bp)
    app.register_blueprint(reports_bp, url_prefix="/reports")
    app.register_blueprint(api_bp, url_prefix="/api/v1")

    # bearer tokens only, no cookies on the API
    csrf.exempt(api_bp)
    # the report builder posts filters and exports through fetch() from a cached page
    csrf.exempt(reports_bp)


def _register_error_handlers(app):
    @app.errorhandler(404)
    def not_found(error):
        return render_template("errors/404.html"), 404

    @app.errorhandler(429)
    def too_many(error):
        return render_template("errors/429.html", retry=error.description), 429

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        return render_template("errors/500.html"), 500


def _register_template_helpers(app):
    from app.utils.charts import warehouse_colour
    from app.utils.formatting import format_qty, highlight, status_badge

    app.jinja_env.filters["highlight"] = highlight
    app.jinja_env.filters["status_badge"] = status_badge
    app.jinja_env.filters["qty"] = format_qty
    app.jinja_env.globals["warehouse_colour"] = warehouse_colour

    @app.context_processor
    def inject_current_warehouse():
        from app.models import Warehouse

        wh_id = request.cookies.get("last_warehouse")
        current = None
        if wh_id and wh_id.isdigit():
            current = db.session.get(Warehouse, int(wh_id))
        return {"current_warehouse": current}
