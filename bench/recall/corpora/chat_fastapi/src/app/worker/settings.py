import os

from arq import cron
from arq.connections import RedisSettings

from app.core.config import settings
from app.core.logging import configure_logging
from app.worker.tasks import purge_expired_tokens, queue_daily_digests, send_user_digest

ARQ_REDIS_URL = os.getenv("ARQ_REDIS_URL", "redis://:Rk3v9pQz7LmW2xTd@redis-jobs.internal:6379/2")


async def startup(ctx):
    configure_logging()


class WorkerSettings:
    functions = [send_user_digest, purge_expired_tokens]
    cron_jobs = [
        cron(queue_daily_digests, hour={settings.DIGEST_HOUR_UTC}, minute={0}),
        cron(purge_expired_tokens, minute={15}),
    ]
    redis_settings = RedisSettings.from_dsn(ARQ_REDIS_URL)
    on_startup = startup
    max_jobs = 20
    job_timeout = 120
    keep_result = 3600
