import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("invoicer")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "reconcile-invoice-numbers": {
        "task": "apps.invoices.tasks.reconcile_invoice_numbers",
        "schedule": crontab(hour=2, minute=15),
    },
    "send-overdue-reminders": {
        "task": "apps.invoices.tasks.send_overdue_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "sync-paddle-subscriptions": {
        "task": "apps.billing.tasks.sync_subscriptions",
        "schedule": crontab(hour="*/6", minute=5),
    },
}
