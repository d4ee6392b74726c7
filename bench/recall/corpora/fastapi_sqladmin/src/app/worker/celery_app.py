import os

from celery import Celery

broker_url = os.getenv("CELERY_BROKER_URL", "redis://:Rq8vTz2mKp4xW9@redis:6379/0")
result_backend = os.getenv("CELERY_RESULT_BACKEND", "redis://redis:6379/1")

celery_app = Celery("harbor", broker=broker_url, backend=result_backend, include=["app.worker.tasks"])
celery_app.conf.update(
    task_acks_late=True,
    task_serializer="json",
    accept_content=["json"],
    timezone="UTC",
    beat_schedule={
        "expire-stale-invitations": {
            "task": "app.worker.tasks.expire_stale_invitations",
            "schedule": 60 * 60 * 6,
        },
    },
)
