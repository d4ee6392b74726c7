#!/usr/bin/env python
"""Bulk-load employees from the HRIS CSV export.

Usage:
    python -m scripts.import_employees_csv path/to/export.csv [--dry-run]

The file is first copied as-is into ``employee_import_staging`` (whatever columns the
HRIS sends this month), then merged into ``employees`` with a single upsert.
"""
from __future__ import annotations

import argparse
import csv
import logging
import sys
from pathlib import Path

from sqlalchemy import text

from app.database import engine

logger = logging.getLogger("scripts.import_employees")

REQUIRED_COLUMNS = {"employee_no", "first_name", "last_name", "email", "hire_date"}

MERGE_SQL = text(
    """
    INSERT INTO employees (employee_no, first_name, last_name, email, job_title, hire_date, is_active,
                           department_id, annual_allowance_days, created_at, updated_at)
    SELECT s.employee_no, s.first_name, s.last_name, lower(s.email), s.job_title, s.hire_date::date, true,
           d.id, coalesce(nullif(s.allowance, '')::numeric, 25), now(), now()
    FROM employee_import_staging s
    LEFT JOIN departments d ON d.code = s.department_code
    ON CONFLICT (employee_no) DO UPDATE
       SET first_name = EXCLUDED.first_name,
           last_name = EXCLUDED.last_name,
           email = EXCLUDED.email,
           job_title = EXCLUDED.job_title,
           department_id = EXCLUDED.department_id,
           updated_at = now()
    """
)


def normalise_header(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None:
            raise SystemExit(f"{path}: empty file")
        header = [normalise_header(h) for h in reader.fieldnames]
        rows = [{normalise_header(k): (v or "").strip() for k, v in raw.items()} for raw in reader]
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        raise SystemExit(f"{path}: missing columns {', '.join(sorted(missing))}")
    return header, rows


def load_staging(conn, header: list[str], rows: list[dict[str, str]]) -> None:
    conn.execute(text("TRUNCATE employee_import_staging"))
    columns = ", ".join(header)
    placeholders = ", ".join(f"%({col})s" for col in header)
    conn.exec_driver_sql(f"INSERT INTO employee_import_staging ({columns}) VALUES ({placeholders})", rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv_path", type=Path)
    parser.add_argument("--dry-run", action="store_true", help="load staging and report, then roll back")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    header, rows = read_rows(args.csv_path)
    logger.info("read %d rows with columns: %s", len(rows), ", ".join(header))

    with engine.connect() as conn:
        trans = conn.begin()
        try:
            load_staging(conn, header, rows)
            result = conn.execute(MERGE_SQL)
            logger.info("merged %d employees", result.rowcount)
            if args.dry_run:
                trans.rollback()
                logger.info("dry run: rolled back")
            else:
                trans.commit()
        except Exception:
            trans.rollback()
            raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
