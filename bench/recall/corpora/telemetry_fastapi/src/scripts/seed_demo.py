"""Fill a local database with a demo project and a few days of fake events.

    python -m scripts.seed_demo --days 3
"""
import argparse
import asyncio
import json
import os
import random
from datetime import timedelta

import asyncpg

from app.core.config import settings
from app.db.session import async_session_factory, init_models
from app.models import Project
from app.models.project import ProjectCreate
from app.services import api_keys, projects, users
from app.utils.timeutil import utcnow

EVENT_NAMES = ["$pageview", "signup_started", "signup_completed", "checkout", "export_csv"]
PATHS = ["/", "/pricing", "/docs", "/blog/launch", "/app/settings"]
BROWSERS = ["Chrome", "Firefox", "Safari", "Edge"]


def fake_events(project_id: int, days: int, per_day: int) -> list[tuple]:
    now = utcnow()
    rows = []
    for _ in range(days * per_day):
        ts = now - timedelta(seconds=random.randint(0, days * 86400))
        name = random.choices(EVENT_NAMES, weights=[70, 10, 6, 4, 10])[0]
        props = {"$current_url": random.choice(PATHS), "$browser": random.choice(BROWSERS)}
        rows.append((project_id, name, f"user-{random.randint(1, 400)}", ts, json.dumps(props)))
    return rows


async def main(days: int, per_day: int) -> None:
    if settings.is_production:
        raise SystemExit("refusing to seed a production database")
    random.seed(7)  # same demo data on every run
    await init_models()
    async with async_session_factory() as session:
        owner = await users.get_by_email(session, "demo@pulse.local")
        if owner is None:
            owner = await users.create_user(
                session,
                "demo@pulse.local",
                os.environ["DEMO_PASSWORD"],
                full_name="Demo Owner",
            )
        project: Project = await projects.create_project(
            session,
            ProjectCreate(name="Demo Shop", description="Sample data for local development"),
            owner,
        )
        _, raw_key = await api_keys.create_api_key(session, project.id, "demo", owner.id)

    conn = await asyncpg.connect(settings.timeseries_dsn)
    try:
        await conn.executemany(
            "INSERT INTO events (project_id, name, distinct_id, ts, properties) "
            "VALUES ($1, $2, $3, $4, $5::jsonb)",
            fake_events(project.id, days, per_day),
        )
    finally:
        await conn.close()
    print(f"seeded project {project.id} ({project.slug}); ingest key written to .demo-key")
    with open(".demo-key", "w") as fh:
        fh.write(raw_key + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--per-day", type=int, default=2000)
    args = parser.parse_args()
    asyncio.run(main(args.days, args.per_day))
