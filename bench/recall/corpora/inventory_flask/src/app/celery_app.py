import os

from celery import Celery
from celery.schedules import crontab

BROKER_URL = os.getenv("CELERY_BROKER_URL", "redis://:Nw-r3dis-Pr0d-2024@redis.internal.northwind-logistics.com:6379/0")
RESULT_BACKEND = os.getenv("CELERY_RESULT_BACKEND", "redis://localhost:6379/1")

celery = Celery("inventory", broker=BROKER_URL, backend=RESULT_BACKEND, include=["app.tasks"])

celery.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    timezone="Europe/London",
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    result_expires=60 * 60 * 24,
    beat_schedule={
        "nightly-stock-report": {
            "task": "app.tasks.nightly_stock_report",
            "schedule": crontab(hour=2, minute=15),
        },
        "refresh-report-views": {
            "task": "app.tasks.refresh_report_views",
            "schedule": crontab(hour=1, minute=30),
        },
        "scheduled-reports": {
            "task": "app.tasks.send_scheduled_reports",
            "schedule": crontab(hour=6, minute=0),
        },
        "cycle-count-sample": {
            "task": "app.tasks.pick_cycle_count_sample",
            "schedule": crontab(hour=5, minute=0, day_of_week="mon-fri"),
        },
        "housekeeping": {
            "task": "app.tasks.housekeeping",
            "schedule": crontab(minute=0),
        },
    },
)


def init_celery(app):
    class ContextTask(celery.Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)

    celery.Task = ContextTask
    celery.conf.update(app.config.get("CELERY", {}))
    return celery
