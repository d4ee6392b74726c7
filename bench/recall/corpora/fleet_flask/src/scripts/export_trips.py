#!/usr/bin/env python
"""Nightly CSV export of finished trips for the billing team.

    FLEET_CONFIG=production python scripts/export_trips.py --day 2024-05-01 --out /exports
"""
import argparse
import csv
import os
import sys
from datetime import date, datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import text  # noqa: E402

from fleet import create_app  # noqa: E402
from fleet.extensions import db  # noqa: E402

EXPORT_COLUMNS = ["trip_id", "plate", "driver", "customer_ref", "started_at", "ended_at", "km"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--day", type=date.fromisoformat, default=date.today() - timedelta(days=1))
    parser.add_argument("--out", default=".")
    parser.add_argument("--depot", help="depot code, default all")
    return parser.parse_args()


def fetch(day, depot=None):
    start = datetime.combine(day, datetime.min.time())
    end = start + timedelta(days=1)
    sql = (
        "SELECT t.id AS trip_id, v.plate, CONCAT(d.first_name, ' ', d.last_name) AS driver, "
        "t.customer_ref, t.started_at, t.ended_at, t.end_odometer - t.start_odometer AS km "
        "FROM trips t JOIN vehicles v ON v.id = t.vehicle_id JOIN drivers d ON d.id = t.driver_id "
        "JOIN depots dp ON dp.id = v.depot_id "
        "WHERE t.ended_at >= :start AND t.ended_at < :end"
    )
    params = {"start": start, "end": end}
    if depot:
        sql += " AND dp.code = :depot"
        params["depot"] = depot
    return db.session.execute(text(sql + " ORDER BY t.ended_at"), params).mappings().all()


def main():
    args = parse_args()
    app = create_app(os.environ.get("FLEET_CONFIG", "production"))
    with app.app_context():
        rows = fetch(args.day, args.depot)
    os.makedirs(args.out, exist_ok=True)
    filename = os.path.join(args.out, f"trips-{args.day.isoformat()}{'-' + args.depot if args.depot else ''}.csv")
    with open(filename, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row[k] for k in EXPORT_COLUMNS})
    print(f"wrote {len(rows)} trips to {filename}")


if __name__ == "__main__":
    main()
