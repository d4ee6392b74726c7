"""Extension singletons, initialised in :func:`clubhouse.create_app`."""
from flask_caching import Cache
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_mail import Mail
from flask_security import Security
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

db = SQLAlchemy()
mail = Mail()
cache = Cache()
csrf = CSRFProtect()
security = Security()
cors = CORS()
limiter = Limiter(key_func=get_remote_address)
