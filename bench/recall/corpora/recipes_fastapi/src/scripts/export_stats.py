#!/usr/bin/env python
"""Nightly stats export: recipe/user counts from Mongo plus audit activity,
written as CSV and uploaded to the reports bucket.

    python scripts/export_stats.py --days 1 --actions recipe.create,comment.create,user.register
"""
import argparse
import asyncio
import csv
import hashlib
import io
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiosqlite  # noqa: E402
import boto3  # noqa: E402
from motor.motor_asyncio import AsyncIOMotorClient  # noqa: E402

from app.core.config import settings  # noqa: E402

REPORTS_BUCKET = "recipes-app-reports"
REPORTS_PREFIX = "daily-stats/"
AWS_REGION = "eu-west-1"
AWS_ACCESS_KEY_ID = "AKIAX4TQ7MZB2RWK9PLE"
AWS_SECRET_ACCESS_KEY = "t7Jk2xVq9RmL0bWc4ZpN8sYd3HfG6aE1uKoTiQ5v"

DEFAULT_ACTIONS = ["user.register", "recipe.create", "recipe.import", "comment.create", "recipe.report"]


async def audit_counts(actions: List[str], since: str) -> Dict[str, int]:
    placeholders = ",".join("?" * len(actions))
    query = f"SELECT action, COUNT(*) FROM audit_events WHERE created_at >= ? AND action IN ({placeholders}) GROUP BY action"
    counts = {action: 0 for action in actions}
    async with aiosqlite.connect(settings.AUDIT_DB_PATH) as conn:
        async with conn.execute(query, (since, *actions)) as cursor:
            async for action, count in cursor:
                counts[action] = count
    return counts


async def mongo_counts(since: datetime) -> Dict[str, int]:
    client = AsyncIOMotorClient(settings.MONGODB_URL)
    db = client[settings.MONGODB_DB]
    try:
        return {
            "users_total": await db.users.count_documents({}),
            "users_new": await db.users.count_documents({"created_at": {"$gte": since}}),
            "recipes_total": await db.recipes.count_documents({}),
            "recipes_public": await db.recipes.count_documents({"is_public": True}),
            "recipes_new": await db.recipes.count_documents({"created_at": {"$gte": since}}),
            "comments_new": await db.comments.count_documents({"created_at": {"$gte": since}}),
        }
    finally:
        client.close()


def to_csv(day: str, mongo: Dict[str, int], audit: Dict[str, int]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["date", "metric", "value"])
    for key, value in sorted(mongo.items()):
        writer.writerow([day, key, value])
    for key, value in sorted(audit.items()):
        writer.writerow([day, f"audit:{key}", value])
    return buf.getvalue().encode("utf-8")


def upload(body: bytes, key: str) -> None:
    s3 = boto3.client(
        "s3",
        region_name=AWS_REGION,
        aws_access_key_id=AWS_ACCESS_KEY_ID,
        aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
    )
    checksum = hashlib.sha256(body).hexdigest()
    s3.put_object(
        Bucket=REPORTS_BUCKET,
        Key=key,
        Body=body,
        ContentType="text/csv",
        Metadata={"sha256": checksum},
    )
    print(f"uploaded s3://{REPORTS_BUCKET}/{key} ({len(body)} bytes, sha256 {checksum[:12]})")


async def run(days: int, actions: List[str], dry_run: bool) -> None:
    now = datetime.now(timezone.utc)
    since = now - timedelta(days=days)
    mongo = await mongo_counts(since)
    audit = await audit_counts(actions, since.isoformat(timespec="seconds"))
    day = now.strftime("%Y-%m-%d")
    body = to_csv(day, mongo, audit)
    if dry_run:
        sys.stdout.write(body.decode("utf-8"))
        return
    upload(body, f"{REPORTS_PREFIX}{day}.csv")


def main() -> None:
    parser = argparse.ArgumentParser(description="Export daily stats to S3")
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--actions", default=",".join(DEFAULT_ACTIONS))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    actions = [a.strip() for a in args.actions.split(",") if a.strip()]
    asyncio.run(run(args.days, actions, args.dry_run))


if __name__ == "__main__":
    main()
