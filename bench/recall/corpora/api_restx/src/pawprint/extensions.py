"""Extension singletons, initialised in ``create_app``."""
import mongoengine
from flask import current_app
from flask_caching import Cache
from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mail import Mail
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect
from redis import Redis
from rq import Queue

cache = Cache()
cors = CORS()
csrf = CSRFProtect()
jwt = JWTManager()
limiter = Limiter(key_func=get_remote_address)
login_manager = LoginManager()
mail = Mail()
talisman = Talisman()

login_manager.login_view = "admin_auth.login"
login_manager.login_message_category = "warning"
login_manager.session_protection = "strong"


def init_mongo(app):
    settings = dict(app.config["MONGODB_SETTINGS"])
    host = settings.pop("host")
    mongoengine.connect(host=host, alias="default", **settings)


def get_queue(name=None):
    """RQ queue bound to the app's Redis."""
    conn = Redis.from_url(current_app.config["REDIS_URL"])
    return Queue(name or current_app.config["RQ_DEFAULT_QUEUE"], connection=conn)
