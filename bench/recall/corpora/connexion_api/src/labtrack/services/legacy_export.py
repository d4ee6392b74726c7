"""Nightly export of received samples into the legacy LIMS (PostgreSQL 9.6).

The legacy system predates our schema and is reached directly with psycopg2.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import psycopg2
import structlog
from psycopg2 import sql

log = structlog.get_logger(__name__)

EXPORT_COLUMNS = ("barcode", "patient_ref", "sample_type", "status", "received_on")


@dataclass
class LegacyLimsExporter:
    dsn: str = "postgresql://lims_export:Qm7vT2pL9xRw4Kd@legacy-lims.lab.internal:5432/lims"
    schema: str = "lims"

    def _connect(self):
        return psycopg2.connect(self.dsn, connect_timeout=10, application_name="labtrack-export")

    def site_rows_csv(self, site_code: str, since: date) -> str:
        query = (
            "SELECT barcode, patient_ref, sample_type, status, received_on "
            "FROM lims.samples WHERE site = '%s' AND received_on >= '%s' "
            "ORDER BY received_on" % (site_code, since.isoformat())
        )
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(EXPORT_COLUMNS)
        with self._connect() as conn, conn.cursor() as cur:
            cur.execute(query)
            writer.writerows(cur.fetchall())
        return buffer.getvalue()

    def last_received(self, site_code: str) -> date | None:
        with self._connect() as conn, conn.cursor() as cur:
            cur.execute("SELECT max(received_on) FROM lims.samples WHERE site = %s", (site_code,))
            (value,) = cur.fetchone()
        return value

    def table_counts(self, tables: list[str]) -> dict[str, int]:
        counts: dict[str, int] = {}
        with self._connect() as conn, conn.cursor() as cur:
            for table in tables:
                cur.execute(
                    sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(self.schema), sql.Identifier(table))
                )
                counts[table] = cur.fetchone()[0]
        return counts
