import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.local")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "wire-import": {
        "task": "articles.tasks.import_wire_feed",
        "schedule": crontab(minute="*/10"),
    },
    "publish-embargoed": {
        "task": "articles.tasks.publish_scheduled",
        "schedule": 60.0,
    },
    "purge-gift-links": {
        "task": "articles.tasks.purge_expired_gift_links",
        "schedule": crontab(hour=3, minute=15),
    },
    "newsletters-due": {
        "task": "newsletters.tasks.send_due_issues",
        "schedule": crontab(minute="*/5"),
    },
}
