from flask import Flask

from app.auth import auth_bp
from app.config import ProductionConfig
from app.extensions import limiter
from app.shop import shop_bp


def create_app(config=ProductionConfig):
    app = Flask(__name__)  # expect: CSRF004
    app.config.from_object(config)
    app.config["SESSION_COOKIE_HTTPONLY"] = False  # expect: CONF003
    limiter.init_app(app)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(shop_bp)
    return app
