import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("expenses")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "weekly-audit-sample": {
        "task": "expenses.tasks.select_audit_sample",
        "schedule": crontab(hour=6, minute=0, day_of_week="mon"),
    },
    "nightly-department-totals": {
        "task": "expenses.tasks.refresh_department_totals",
        "schedule": crontab(hour=2, minute=30),
    },
    "expire-upload-links": {
        "task": "expenses.tasks.purge_expired_upload_links",
        "schedule": crontab(minute="*/15"),
    },
}
