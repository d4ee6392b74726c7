import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ticketing.settings.dev")

app = Celery("ticketing")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "expire-pending-orders": {
        "task": "orders.tasks.expire_pending_orders",
        "schedule": crontab(minute="*/10"),
    },
}
