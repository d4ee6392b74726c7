from apscheduler.schedulers.background import BackgroundScheduler
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_mail import Mail
from flask_session import Session
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
mail = Mail()
sess = Session()
talisman = Talisman()
limiter = Limiter(key_func=get_remote_address)
scheduler = BackgroundScheduler(timezone="Europe/London")
