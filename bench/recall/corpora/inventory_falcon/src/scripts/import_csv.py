#!/usr/bin/env python
"""Bulk-load or refresh items from an ERP / supplier CSV export.

    python scripts/import_csv.py export.csv --warehouse MAN1 [--dry-run]

Columns: sku, name, category, unit, unit_cost, quantity, reorder_level, bin
(only sku, name and quantity are required). Existing SKUs get their
quantity and cost refreshed; new SKUs are created. Every quantity change is
written to the movements ledger under one batch id.
"""

import argparse
import csv
import logging
import os
import sys
import uuid
from decimal import Decimal, InvalidOperation

import psycopg2

log = logging.getLogger("import_csv")

DEFAULT_DSN = "postgresql://stockroom:Pall3tJack-2291@db.internal.acme-logistics.com:5432/stockroom"

REQUIRED_COLUMNS = {"sku", "name", "quantity"}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Import items from CSV")
    parser.add_argument("csv_path")
    parser.add_argument("--warehouse", required=True, help="warehouse code, e.g. MAN1")
    parser.add_argument("--dsn", default=os.environ.get("DATABASE_URL", DEFAULT_DSN))
    parser.add_argument("--delimiter", default=",")
    parser.add_argument("--dry-run", action="store_true", help="roll back at the end")
    return parser.parse_args(argv)


def _int(value, default=0) -> int:
    value = (value or "").strip()
    return int(value) if value else default


def _decimal(value, default=Decimal("0")) -> Decimal:
    value = (value or "").strip().replace(",", ".")
    if not value:
        return default
    try:
        return Decimal(value).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(f"bad unit_cost {value!r}")


def load_rows(path: str, delimiter: str):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise SystemExit(f"{path}: missing columns {', '.join(sorted(missing))}")
        for lineno, raw in enumerate(reader, start=2):
            try:
                yield {
                    "sku": raw["sku"].strip().upper(),
                    "name": raw["name"].strip(),
                    "category": (raw.get("category") or "").strip() or "uncategorised",
                    "unit": (raw.get("unit") or "ea").strip(),
                    "unit_cost": _decimal(raw.get("unit_cost")),
                    "quantity": _int(raw["quantity"]),
                    "reorder_level": _int(raw.get("reorder_level")),
                    "bin": (raw.get("bin") or "").strip(),
                }
            except ValueError as exc:
                log.warning("line %d skipped: %s", lineno, exc)


def import_rows(conn, rows, warehouse_code: str, batch_id: str) -> dict:
    stats = {"created": 0, "updated": 0, "unchanged": 0}
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM warehouses WHERE code = %s", (warehouse_code,))
        found = cur.fetchone()
        if found is None:
            raise SystemExit(f"unknown warehouse {warehouse_code}")
        warehouse_id = found[0]

        for row in rows:
            cur.execute("SELECT id, quantity FROM items WHERE sku = %s", (row["sku"],))
            existing = cur.fetchone()
            if existing:
                item_id, old_quantity = existing
                cur.execute(
                    "UPDATE items SET quantity = %s, unit_cost = %s, updated_at = now() WHERE id = %s",
                    (row["quantity"], row["unit_cost"], item_id),
                )
                delta = row["quantity"] - old_quantity
                stats["updated" if delta else "unchanged"] += 1
            else:
                stmt = (
                    "INSERT INTO items (sku, name, category, unit, unit_cost, warehouse_id, bin, quantity, reorder_level) "
                    "VALUES ('%s', '%s', '%s', '%s', %s, %d, '%s', %d, %d) RETURNING id"
                    % (
                        row["sku"],
                        row["name"],
                        row["category"],
                        row["unit"],
                        row["unit_cost"],
                        warehouse_id,
                        row["bin"],
                        row["quantity"],
                        row["reorder_level"],
                    )
                )
                cur.execute(stmt)
                item_id = cur.fetchone()[0]
                delta = row["quantity"]
                stats["created"] += 1

            if delta:
                cur.execute(
                    "INSERT INTO movements (item_id, warehouse_id, kind, quantity, reference, batch_id) "
                    "VALUES (%s, %s, 'import', %s, %s, %s)",
                    (item_id, warehouse_id, delta, "csv import", batch_id),
                )
    return stats


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    # Time-ordered so batches sort naturally in the movements ledger.
    batch_id = uuid.uuid1().hex
    conn = psycopg2.connect(args.dsn, application_name="import_csv")
    try:
        stats = import_rows(conn, load_rows(args.csv_path, args.delimiter), args.warehouse, batch_id)
        if args.dry_run:
            conn.rollback()
            log.info("dry run, rolled back: %s", stats)
        else:
            conn.commit()
            log.info("batch %s committed: %s", batch_id, stats)
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
