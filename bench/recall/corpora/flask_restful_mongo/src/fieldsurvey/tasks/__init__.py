"""RQ queue helpers."""
from flask import current_app
from redis import Redis
from rq import Queue, Retry


def get_queue():
    ext = current_app.extensions.setdefault("fieldsurvey_rq", {})
    if "queue" not in ext:
        connection = Redis.from_url(current_app.config["REDIS_URL"])
        ext["queue"] = Queue(current_app.config["RQ_QUEUE"], connection=connection)
    return ext["queue"]


def enqueue(func, *args, retries=3, **kwargs):
    if current_app.testing:
        return func(*args, **kwargs)
    return get_queue().enqueue(func, *args, retry=Retry(max=retries, interval=[15, 60, 300]), **kwargs)
