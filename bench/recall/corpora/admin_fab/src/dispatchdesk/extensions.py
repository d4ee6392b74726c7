"""Extension singletons, bound to the app in ``create_app``."""
from flask_appbuilder import AppBuilder, SQLA
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_mail import Mail
from flask_wtf.csrf import CSRFProtect

db = SQLA()
appbuilder = AppBuilder(update_perms=True)
csrf = CSRFProtect()
mail = Mail()

# No default limits: the hot endpoints (login, tracking, webhooks) carry their
# own limits so that dispatchers clicking around the back office never hit one.
limiter = Limiter(key_func=get_remote_address)
