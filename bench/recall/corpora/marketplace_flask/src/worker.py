import os

from redis import Redis
from rq import Queue, Worker

from marketplace import create_app

app = create_app()

if __name__ == "__main__":
    redis_url = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    conn = Redis.from_url(redis_url)
    with app.app_context():
        queues = [Queue(app.config["RQ_QUEUE"], connection=conn)]
        Worker(queues, connection=conn).work(with_scheduler=True)
