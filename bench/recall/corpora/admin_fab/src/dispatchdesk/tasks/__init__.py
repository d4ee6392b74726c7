"""Celery application; tasks run inside a Flask app context."""
from celery import Celery
from celery.schedules import crontab

celery = Celery(
    "dispatchdesk",
    include=[
        "dispatchdesk.tasks.sync",
        "dispatchdesk.tasks.digest",
        "dispatchdesk.tasks.maintenance",
    ],
)


def init_celery(app):
    celery.conf.update(
        broker_url=app.config["CELERY_BROKER_URL"],
        result_backend=app.config["CELERY_RESULT_BACKEND"],
        task_acks_late=True,
        worker_prefetch_multiplier=1,
        timezone="Europe/Berlin",
        beat_schedule={
            "poll-carrier-updates": {
                "task": "dispatchdesk.tasks.sync.poll_carrier_updates",
                "schedule": app.config["CARRIER_POLL_INTERVAL"],
            },
            "depot-digest": {
                "task": "dispatchdesk.tasks.digest.send_daily_digests",
                "schedule": crontab(hour=18, minute=30),
            },
            "purge-old-rows": {
                "task": "dispatchdesk.tasks.maintenance.purge_old_rows",
                "schedule": crontab(hour=3, minute=15),
            },
            "expire-reset-tokens": {
                "task": "dispatchdesk.tasks.maintenance.expire_reset_tokens",
                "schedule": crontab(minute=0),
            },
            "billing-export": {
                "task": "dispatchdesk.tasks.maintenance.upload_billing_export",
                "schedule": crontab(hour=2, minute=0),
            },
        },
    )

    class AppContextTask(celery.Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)

    celery.Task = AppContextTask
    return celery
