"""Flask extensions, created unbound and initialised in the app factory."""
from celery import Celery, Task
from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf import CSRFProtect

csrf = CSRFProtect()

login_manager = LoginManager()
login_manager.login_view = "staff.login"
login_manager.login_message_category = "info"
login_manager.session_protection = "strong"

limiter = Limiter(key_func=get_remote_address, default_limits=[])


def celery_init_app(flask_app: Flask) -> Celery:
    class FlaskTask(Task):
        def __call__(self, *args, **kwargs):
            with flask_app.app_context():
                return self.run(*args, **kwargs)

    celery = Celery(flask_app.name, task_cls=FlaskTask, include=["labtrack.tasks"])
    celery.config_from_object(flask_app.config["CELERY"])
    celery.set_default()
    flask_app.extensions["celery"] = celery
    return celery
