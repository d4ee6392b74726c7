"""Extension instances, initialised in :func:`coverpoint.create_app`."""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_mail import Mail
from flask_migrate import Migrate
from flask_security import Security
from flask_sqlalchemy import SQLAlchemy
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect

db = SQLAlchemy()
migrate = Migrate()
mail = Mail()
csrf = CSRFProtect()
security = Security()
talisman = Talisman()
limiter = Limiter(key_func=get_remote_address)
