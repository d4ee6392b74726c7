import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "payroll_ninja.settings.prod")

app = Celery("payroll_ninja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "sync-card-feed": {"task": "expenses.tasks.sync_card_feed", "schedule": crontab(minute="*/15")},
    "remind-approvers": {
        "task": "expenses.tasks.remind_approvers",
        "schedule": crontab(hour=8, minute=30, day_of_week="mon-fri"),
    },
    "upload-bank-file": {
        "task": "payroll.tasks.upload_bank_file_for_open_period",
        "schedule": crontab(hour=6, minute=0, day_of_month="25"),
    },
}
