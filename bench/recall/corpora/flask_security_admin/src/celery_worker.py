"""Entry point for the Celery worker and beat.

    celery -A celery_worker.celery worker --loglevel=info
    celery -A celery_worker.celery beat
"""
import os

from celery.schedules import crontab

from clubhouse import create_app
from clubhouse.celery_app import make_celery

app = create_app(os.environ.get("CLUB_CONFIG"))
celery = make_celery(app)

import clubhouse.tasks  # noqa: E402,F401  (registers tasks)

celery.conf.beat_schedule = {
    "expire-memberships-nightly": {
        "task": "clubhouse.tasks.expire_memberships",
        "schedule": crontab(hour=3, minute=15),
    },
}
