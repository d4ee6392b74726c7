#!/usr/bin/env python
"""Pull new and updated orders from the vendor API into the reporting tables.

Runs every 15 minutes from the ``vendor-sync`` service:

    python scripts/pull_vendor_orders.py --since-minutes 30
"""
import argparse
import logging
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from salesportal import create_app  # noqa: E402
from salesportal.extensions import db  # noqa: E402
from salesportal.vendor_client import VendorAPIError, VendorClient  # noqa: E402

log = logging.getLogger("pull_vendor_orders")

UPSERT_CUSTOMER = text(
    "INSERT INTO customers (ref, name, region, tier) VALUES (:ref, :name, :region, :tier) "
    "ON CONFLICT (ref) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, tier = EXCLUDED.tier"
)


def upsert_customer(conn, customer):
    conn.execute(
        UPSERT_CUSTOMER,
        {
            "ref": customer["ref"],
            "name": customer["name"],
            "region": customer.get("region"),
            "tier": customer.get("tier", "standard"),
        },
    )


def upsert_order(conn, order):
    customer_ref = order["customer"]["ref"]
    conn.exec_driver_sql(
        "INSERT INTO sales_orders (external_id, customer_id, region, amount, currency, status, ordered_at) "
        f"SELECT '{order['id']}', c.id, '{order['region']}', {order['total']}, '{order['currency']}', "
        f"'{order['status']}', '{order['created_at']}' FROM customers c WHERE c.ref = '{customer_ref}' "
        "ON CONFLICT (external_id) DO UPDATE SET amount = EXCLUDED.amount, status = EXCLUDED.status"
    )


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--since-minutes", type=int, default=30)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    app = create_app()
    with app.app_context():
        client = VendorClient.from_env()
        since = datetime.now(timezone.utc) - timedelta(minutes=args.since_minutes)
        count = 0
        try:
            with db.engine.begin() as conn:
                for order in client.iter_orders(updated_since=since):
                    upsert_customer(conn, order["customer"])
                    upsert_order(conn, order)
                    count += 1
        except VendorAPIError as exc:
            log.error("Vendor sync aborted after %d orders: %s", count, exc)
            return 1
        log.info("Upserted %d orders updated since %s", count, since.isoformat())
    return 0


if __name__ == "__main__":
    sys.exit(main())
