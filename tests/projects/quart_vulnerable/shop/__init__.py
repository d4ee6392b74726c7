from quart import Quart

from shop.auth import auth_bp
from shop.config import ProductionConfig
from shop.store import store_bp


def create_app(config=ProductionConfig):
    app = Quart(__name__)  # expect: CSRF004  # audit: RATE004
    app.config.from_object(config)
    app.config["SESSION_COOKIE_HTTPONLY"] = False  # expect: CONF003
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(store_bp)
    return app
