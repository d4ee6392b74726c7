from quart import Quart
from quart_rate_limiter import RateLimiter
from quart_wtf import CSRFProtect

from shop.auth import auth_bp
from shop.config import ProductionConfig
from shop.store import store_bp

csrf = CSRFProtect()


def create_app(config=ProductionConfig):
    app = Quart(__name__)
    app.config.from_object(config)
    csrf.init_app(app)
    RateLimiter(app)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(store_bp)
    return app
