from flask import Flask

from app.api import ItemAPI
from app.auth import auth_bp
from app.config import ProductionConfig
from app.extensions import csrf, limiter
from app.shop import shop_bp


def create_app(config=ProductionConfig):
    app = Flask(__name__)
    app.config.from_object(config)
    csrf.init_app(app)
    limiter.init_app(app)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(shop_bp)
    app.add_url_rule("/api/items/<int:item_id>", view_func=ItemAPI.as_view("item"))
    return app
