"""Register the recurring RQ jobs. Run once per deploy."""
from datetime import datetime, timedelta, timezone

from redis import Redis
from rq import Queue

from marketplace import create_app

RECURRING = [
    ("marketplace.jobs.run_saved_search_alerts", timedelta(hours=1)),
    ("marketplace.jobs.purge_expired_refresh_tokens", timedelta(hours=6)),
    ("marketplace.jobs.prune_stale_devices", timedelta(days=1)),
]


def main():
    app = create_app()
    conn = Redis.from_url(app.config["REDIS_URL"])
    queue = Queue(app.config["RQ_QUEUE"], connection=conn)
    now = datetime.now(timezone.utc)
    for func_path, interval in RECURRING:
        job = queue.enqueue_at(now + interval, func_path, job_id=f"recurring:{func_path}")
        print(f"scheduled {func_path} at {job.enqueued_at or now + interval}")


if __name__ == "__main__":
    main()
