#!/usr/bin/env python
"""Nightly job: pull yesterday's PayBridge payouts and mark the matching
bookings as settled in the finance export.

Run from cron on the worker box:
    15 2 * * *  cd /srv/bookings && .venv/bin/python -m scripts.sync_payouts
"""
import csv
import logging
import os
import sys
from datetime import date, timedelta

import httpx

log = logging.getLogger("sync_payouts")

API_BASE = os.environ.get("PAYBRIDGE_API_BASE", "https://api.paybridge.io/v2")
PAYBRIDGE_API_KEY = "pb_live_8Hn2Qw5Zr9Tk3Lm7Vx1Cd4Fy"
EXPORT_DIR = os.environ.get("FINANCE_EXPORT_DIR", "/srv/finance/payouts")


def fetch_payouts(client: httpx.Client, day: date):
    params = {"arrival_date": day.isoformat(), "limit": 100}
    cursor = None
    while True:
        if cursor:
            params["starting_after"] = cursor
        response = client.get("/payouts", params=params)
        response.raise_for_status()
        page = response.json()
        yield from page["data"]
        if not page.get("has_more"):
            break
        cursor = page["data"][-1]["id"]


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = date.today() - timedelta(days=1)
    headers = {"Authorization": f"Bearer {PAYBRIDGE_API_KEY}"}
    rows = []
    with httpx.Client(base_url=API_BASE, headers=headers, timeout=30) as client:
        for payout in fetch_payouts(client, day):
            for item in payout.get("items", []):
                rows.append(
                    {
                        "payout": payout["id"],
                        "payment": item["payment_id"],
                        "reference": item.get("reference", ""),
                        "amount": item["amount"] / 100,
                        "fee": item.get("fee", 0) / 100,
                    }
                )
    os.makedirs(EXPORT_DIR, exist_ok=True)
    path = os.path.join(EXPORT_DIR, f"payouts-{day.isoformat()}.csv")
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["payout", "payment", "reference", "amount", "fee"])
        writer.writeheader()
        writer.writerows(rows)
    log.info("wrote %d payout lines to %s", len(rows), path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
