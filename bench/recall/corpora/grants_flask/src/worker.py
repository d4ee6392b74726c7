"""rq worker entry point: `python worker.py [queue ...]`."""
import logging
import os
import sys

from redis import Redis
from rq import Queue, Worker

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
DEFAULT_QUEUES = ["grants"]


def main(argv):
    queue_names = argv or DEFAULT_QUEUES
    connection = Redis.from_url(REDIS_URL)
    queues = [Queue(name, connection=connection) for name in queue_names]
    worker = Worker(queues, connection=connection)
    worker.work(with_scheduler=True)


if __name__ == "__main__":
    main(sys.argv[1:])
