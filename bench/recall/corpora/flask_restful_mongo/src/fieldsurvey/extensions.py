"""Extension instances, bound to the app in ``create_app``."""
import mongoengine
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect


class MongoDB:
    """Connects MongoEngine using the app's MONGODB_SETTINGS."""

    def init_app(self, app):
        settings = dict(app.config["MONGODB_SETTINGS"])
        mongoengine.disconnect(alias=mongoengine.DEFAULT_CONNECTION_NAME)
        if settings["host"].startswith("mongomock://"):
            import mongomock

            settings["mongo_client_class"] = mongomock.MongoClient
            settings["host"] = settings["host"].replace("mongomock://", "mongodb://", 1)
        mongoengine.connect(**settings)
        app.extensions["mongoengine"] = self


db = MongoDB()
csrf = CSRFProtect()
cors = CORS()
limiter = Limiter(key_func=get_remote_address)

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message_category = "info"
login_manager.session_protection = "strong"


@login_manager.user_loader
def load_user(user_id):
    from .models import User

    return User.objects(id=user_id, active=True).first()
