"""Entry point for the Celery worker and beat.

    celery -A celery_worker.celery worker --loglevel=info
    celery -A celery_worker.celery beat --loglevel=info
"""
import os

from app import create_app
from app.celery_app import celery, init_celery

flask_app = create_app(os.environ.get("FLASK_CONFIG"))
init_celery(flask_app)

__all__ = ["celery", "flask_app"]
