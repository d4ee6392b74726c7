from arq.connections import RedisSettings

from app import db
from app.config import settings
from app.worker import tasks


async def startup(ctx):
    await db.connect()


async def shutdown(ctx):
    await db.disconnect()


class WorkerSettings:
    functions = [tasks.send_template, tasks.send_order_confirmation]
    redis_settings = RedisSettings.from_dsn(settings.REDIS_URL)
    on_startup = startup
    on_shutdown = shutdown
    max_tries = 5
    job_timeout = 60
