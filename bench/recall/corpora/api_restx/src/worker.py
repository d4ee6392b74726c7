"""RQ worker for appointment reminders and housekeeping jobs.

Usage::

    python worker.py reminders default
"""
import logging
import os
import sys

from redis import Redis
from rq import Queue, Worker

from pawprint import create_app

DEFAULT_QUEUES = ("reminders", "default")

app = create_app(os.environ.get("FLASK_CONFIG"))


def main(queue_names):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    redis_conn = Redis.from_url(app.config["REDIS_URL"])
    queues = [Queue(name, connection=redis_conn) for name in (queue_names or DEFAULT_QUEUES)]

    # Jobs use mongoengine documents and Flask-Mail, both of which expect an
    # application context.
    with app.app_context():
        worker = Worker(queues, connection=redis_conn, name=f"pawprint-{os.getpid()}")
        worker.work(with_scheduler=True)


if __name__ == "__main__":
    main(sys.argv[1:])
