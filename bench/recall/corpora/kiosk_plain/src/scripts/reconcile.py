#!/usr/bin/env python3
"""Nightly reconciliation against the payment provider's itemised balance report.

    reconcile.py [--day YYYY-MM-DD] [--report FILE] [--dry-run]

Without --report the report for ``day`` (default: yesterday) is requested from
the provider and downloaded.  Every line is copied into the ``ledger`` table,
bookings are marked as settled, and differences between what we think we sold
and what was paid out are e-mailed to the manager.
"""
import argparse
import csv
import datetime as dt
import io
import logging
import sys
import time

import requests

from kiosk import config, db, logging_setup
from kiosk.services import mailer, reports

log = logging.getLogger("kiosk.reconcile")

REPORT_TYPE = "balance_change_from_activity.itemized.3"
COLUMNS = "balance_transaction_id,created,reporting_category,gross,fee,net,payment_intent_id," \
          "payment_metadata[booking_id],payment_metadata[customer_name]"

LEDGER_INSERT = (
    "INSERT INTO ledger (day, txn_id, category, gross, fee, net, payment_ref, customer_name) "
    "VALUES ('%s', '%s', '%s', %s, %s, %s, '%s', '%s')"
)


def _api():
    s = requests.Session()
    s.auth = (config.PAYMENT_SECRET_KEY, "")
    return s


def fetch_report(day):
    start = int(dt.datetime.combine(day, dt.time.min).timestamp())
    end = int(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min).timestamp())
    api = _api()
    run = api.post(config.PAYMENT_API_URL + "/reporting/report_runs", data={
        "report_type": REPORT_TYPE,
        "parameters[interval_start]": start,
        "parameters[interval_end]": end,
        "parameters[columns][]": COLUMNS.split(","),
    }, timeout=30).json()
    for _ in range(60):
        run = api.get(config.PAYMENT_API_URL + "/reporting/report_runs/" + run["id"], timeout=30).json()
        if run["status"] == "succeeded":
            break
        if run["status"] == "failed":
            raise RuntimeError("report run failed: %s" % run.get("error"))
        time.sleep(10)
    else:
        raise RuntimeError("report run timed out")
    resp = api.get(run["result"]["url"], timeout=60)
    resp.raise_for_status()
    return resp.text


def parse_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def record_row(day, row):
    sql = LEDGER_INSERT % (
        day.isoformat(),
        row["balance_transaction_id"],
        row["reporting_category"],
        row["gross"],
        row["fee"],
        row["net"],
        row.get("payment_intent_id") or "",
        row.get("payment_metadata[customer_name]") or "",
    )
    db.execute(sql)


def settle(row):
    if row["reporting_category"] != "charge" or not row.get("payment_intent_id"):
        return 0
    return db.execute(
        "UPDATE bookings SET settled_at = ? WHERE payment_ref = ? AND settled_at IS NULL",
        (dt.datetime.now(), row["payment_intent_id"]),
    ).rowcount


def to_cents(amount):
    return int(round(float(amount) * 100))


def reconcile(day, rows, dry_run=False):
    gross = sum(to_cents(r["gross"]) for r in rows if r["reporting_category"] == "charge")
    ours = reports.paid_totals(day)
    settled = 0
    if not dry_run:
        with db.transaction():
            db.execute("DELETE FROM ledger WHERE day = ?", (day.isoformat(),))
            for row in rows:
                record_row(day, row)
                settled += settle(row)
    stuck = reports.unpaid_with_payment_ref()
    problems = []
    if gross != ours["total_cents"]:
        problems.append("provider gross %d != booked %d" % (gross, ours["total_cents"]))
    if stuck:
        problems.append("%d bookings have a payment but are still held: %s"
                        % (len(stuck), ", ".join(b["reference"] for b in stuck)))
    log.info("reconciled %s: %d report lines, %d bookings settled, %d problems",
             day, len(rows), settled, len(problems))
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--day", type=dt.date.fromisoformat,
                        default=dt.date.today() - dt.timedelta(days=1))
    parser.add_argument("--report", help="CSV file instead of downloading the report")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging_setup.configure()

    if args.report:
        with open(args.report, newline="", encoding="utf-8") as fh:
            text = fh.read()
    else:
        text = fetch_report(args.day)
    problems = reconcile(args.day, parse_rows(text), dry_run=args.dry_run)
    if problems and not args.dry_run:
        mailer.send("reconcile_problems", config.get("reconcile", "notify", config.MAIL_FROM),
                    day=args.day.isoformat(), problems="\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
