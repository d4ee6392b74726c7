#!/usr/bin/env python
"""Copy completed rides from DynamoDB into the reporting database.

Run from a bastion with access to the reporting cluster:
    python scripts/backfill_reporting.py --since 2024-01-01
"""
import argparse
import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pymysql
from boto3.dynamodb.conditions import Attr

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from chalicelib import dynamo, settings  # noqa: E402

DEFAULT_DSN = "mysql://reporting_rw:Tq7pL2vX9mWcR4zd@bikeshare-reporting.cluster-c8x2kq1vjz4e.eu-west-1.rds.amazonaws.com:3306/reporting"
INSERT_SQL = (
    "INSERT IGNORE INTO ride_facts "
    "(ride_id, rider_id, start_station_id, end_station_id, started_at, duration_s, fare_cents) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s)"
)


def connect(dsn):
    url = urlparse(dsn)
    return pymysql.connect(
        host=url.hostname,
        port=url.port or 3306,
        user=unquote(url.username or ""),
        password=unquote(url.password or ""),
        database=url.path.lstrip("/"),
    )


def completed_rides(since):
    table = dynamo.table(settings.RIDES_TABLE)
    kwargs = {"FilterExpression": Attr("status").eq("completed") & Attr("started_at").gte(since)}
    while True:
        page = table.scan(**kwargs)
        yield from (dynamo.plain(item) for item in page.get("Items", []))
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", required=True, help="ISO date, e.g. 2024-01-01")
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()

    conn = connect(os.environ.get("REPORTING_DSN", DEFAULT_DSN))
    batch, total = [], 0
    with conn.cursor() as cur:
        for ride in completed_rides(args.since):
            batch.append(
                (
                    ride["ride_id"],
                    ride["rider_id"],
                    ride["start_station_id"],
                    ride.get("end_station_id"),
                    ride["started_at"].replace("T", " ")[:19],
                    ride.get("duration_s"),
                    ride.get("fare_cents"),
                )
            )
            if len(batch) >= args.batch:
                cur.executemany(INSERT_SQL, batch)
                conn.commit()
                total += len(batch)
                batch.clear()
        if batch:
            cur.executemany(INSERT_SQL, batch)
            conn.commit()
            total += len(batch)
    conn.close()
    print(f"backfilled {total} rides")


if __name__ == "__main__":
    main()
