"""Direct access to the legacy payroll database.

Finance does not expose an API, so we read payslip history and push approved absences
straight into their staging tables. Keep this module small and boring.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from app.config import settings

logger = logging.getLogger("app.legacy.payroll")

ALLOWED_TABLES = ("payslips", "absence_staging", "employees_master")


class LegacyPayrollError(Exception):
    pass


@contextmanager
def _connect() -> Iterator[psycopg.Connection]:
    try:
        conn = psycopg.connect(
            host=settings.legacy_payroll_host,
            dbname="payroll",
            user=settings.legacy_payroll_user,
            password=os.environ["LEGACY_PAYROLL_PASSWORD"],
            connect_timeout=5,
            row_factory=dict_row,
        )
    except (psycopg.OperationalError, KeyError) as exc:
        raise LegacyPayrollError("cannot connect to legacy payroll database") from exc
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()


def fetch_payslip_history(employee_no: str, since: date) -> list[dict[str, Any]]:
    query = (
        "SELECT period, gross_amount, net_amount, tax_code, paid_on "
        "FROM payslips WHERE employee_no = '%s' AND period >= '%s' ORDER BY period DESC" % (employee_no, since.isoformat())
    )
    with _connect() as conn, conn.cursor() as cur:
        cur.execute(query)
        return cur.fetchall()


def push_absences(rows: Iterable[dict[str, Any]]) -> int:
    """Insert approved absences into Finance's staging table (idempotent on leave_ref)."""
    payload = [
        (r["leave_ref"], r["employee_no"], r["leave_type"], r["start_date"], r["end_date"], r["days"])
        for r in rows
    ]
    if not payload:
        return 0
    with _connect() as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO absence_staging (leave_ref, employee_no, leave_type, start_date, end_date, days) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (leave_ref) DO NOTHING",
            payload,
        )
    logger.info("pushed %d absences to legacy payroll", len(payload))
    return len(payload)


def table_row_counts(tables: Sequence[str] = ALLOWED_TABLES) -> dict[str, int]:
    """Used by the admin health page."""
    counts: dict[str, int] = {}
    with _connect() as conn, conn.cursor() as cur:
        for table in tables:
            if table not in ALLOWED_TABLES:
                raise ValueError(f"unexpected table {table!r}")
            cur.execute(sql.SQL("SELECT count(*) AS n FROM {}").format(sql.Identifier(table)))
            counts[table] = cur.fetchone()["n"]
    return counts
