from flask import current_app
from redis import Redis
from rq import Queue


def get_queue(name="default"):
    conn = Redis.from_url(current_app.config["REDIS_URL"])
    return Queue(name, connection=conn)


def enqueue(func_path, *args, **kwargs):
    return get_queue().enqueue(func_path, *args, job_timeout=600, **kwargs)
