import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ledgerly.settings.production")

app = Celery("ledgerly")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "invoices-overdue-reminders": {
        "task": "invoices.tasks.send_overdue_reminders",
        "schedule": 60 * 60 * 6,
    },
    "reports-refresh-monthly-stats": {
        "task": "reports.tasks.refresh_monthly_stats",
        "schedule": 60 * 60,
    },
    "billing-sync-subscriptions": {
        "task": "billing.tasks.sync_subscriptions",
        "schedule": 60 * 60 * 24,
    },
}
