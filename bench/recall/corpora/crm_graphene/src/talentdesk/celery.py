import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentdesk.settings.dev")

app = Celery("talentdesk")

# Read every CELERY_* key from the Django settings module.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(bind=True, ignore_result=True)
def debug_task(self):
    print(f"Request: {self.request.id} ({self.request.task})")
