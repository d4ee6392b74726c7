"""Entry point for the RQ worker: ``python -m plotkeeper.tasks.worker``."""
import os

from redis import Redis
from rq import Queue, Worker

from .. import create_app

app = create_app(os.environ.get("PLOTKEEPER_CONFIG", "production"))


def main():
    with app.app_context():
        conn = Redis.from_url(app.config["REDIS_URL"])
        queues = [Queue(name, connection=conn) for name in ("default", "mail")]
        Worker(queues, connection=conn).work(with_scheduler=True)


if __name__ == "__main__":
    main()
