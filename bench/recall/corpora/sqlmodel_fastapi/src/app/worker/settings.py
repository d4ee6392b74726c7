import os

from arq.connections import RedisSettings

from app.worker import tasks

REDIS_DSN = os.getenv("REDIS_URL", "redis://:Wq8vX2rT9pLzK4mN@redis-master.coworkly.svc:6379/0")


class WorkerSettings:
    functions = [
        tasks.send_verification_email,
        tasks.send_password_reset_email,
        tasks.send_booking_reminder,
    ]
    cron_jobs = tasks.cron_jobs
    on_startup = tasks.startup
    on_shutdown = tasks.shutdown
    redis_settings = RedisSettings.from_dsn(REDIS_DSN)
    max_tries = 5
    job_timeout = 60
