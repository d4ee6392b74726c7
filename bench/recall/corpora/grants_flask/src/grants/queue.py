from flask import current_app
from redis import Redis
from rq import Queue


def get_redis():
    return Redis.from_url(current_app.config["REDIS_URL"])


def get_queue():
    return Queue(
        current_app.config["RQ_QUEUE_NAME"],
        connection=get_redis(),
        default_timeout=current_app.config["RQ_JOB_TIMEOUT"],
    )


def enqueue(func, *args, **kwargs):
    job = get_queue().enqueue(func, *args, **kwargs)
    current_app.logger.info("Enqueued %s as job %s", getattr(func, "__name__", func), job.id)
    return job
