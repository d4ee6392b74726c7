import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.dev")

app = Celery("clinic")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "day-before-reminders": {
        "task": "appointments.tasks.send_day_before_reminders",
        "schedule": crontab(hour=17, minute=0),
    },
    "two-hour-reminders": {
        "task": "appointments.tasks.send_upcoming_reminders",
        "schedule": crontab(minute="*/15"),
    },
    "expire-booking-links": {
        "task": "booking.tasks.expire_booking_links",
        "schedule": crontab(minute=5),
    },
}
