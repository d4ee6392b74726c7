"""Run the RQ worker inside an application context: ``python -m fieldsurvey.tasks.worker``."""
import logging

from dotenv import load_dotenv
from redis import Redis
from rq import Queue, Worker

from .. import create_app

log = logging.getLogger(__name__)


def main():
    load_dotenv()
    app = create_app()
    with app.app_context():
        connection = Redis.from_url(app.config["REDIS_URL"])
        queue = Queue(app.config["RQ_QUEUE"], connection=connection)
        log.info("worker listening on queue %s", queue.name)
        Worker([queue], connection=connection).work(with_scheduler=True)


if __name__ == "__main__":
    main()
