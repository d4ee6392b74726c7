from __future__ import annotations

import csv
import hashlib
import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import RowMapping
from sqlalchemy.orm import Session

from app.config import settings
from app.database import session_scope
from app.models import PayrollExport
from app.repositories import payroll_period_rows

logger = logging.getLogger("app.payroll")

EXPORT_COLUMNS = ("employee_no", "first_name", "last_name", "cost_center", "leave_type", "days")


def build_preview(db: Session, period_start: date, period_end: date) -> Sequence[RowMapping]:
    if period_end < period_start:
        raise ValueError("Period end is before period start")
    return payroll_period_rows(db, period_start=period_start, period_end=period_end)


def export_path(export: PayrollExport) -> Path:
    return settings.export_dir / f"leave-{export.period_start:%Y%m%d}-{export.period_end:%Y%m%d}-{export.id}.csv"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def etag_for(export: PayrollExport) -> str:
    """Weak ETag for the download endpoint, derived from id + checksum."""
    raw = f"{export.id}:{export.checksum_sha256}".encode()
    return 'W/"' + hashlib.md5(raw, usedforsecurity=False).hexdigest() + '"'


def generate_export(export_id: int) -> None:
    """Background task: write the CSV consumed by the payroll vendor's SFTP pickup."""
    with session_scope() as db:
        export = db.get(PayrollExport, export_id)
        if export is None:
            logger.error("payroll export %s vanished before generation", export_id)
            return
        export.status = "running"
        db.flush()
        try:
            rows = payroll_period_rows(db, period_start=export.period_start, period_end=export.period_end)
            path = export_path(export)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
                writer.writeheader()
                for row in rows:
                    writer.writerow(dict(row))
            export.file_path = str(path)
            export.row_count = len(rows)
            export.checksum_sha256 = file_sha256(path)
            export.status = "ready"
        except Exception:
            logger.exception("payroll export %s failed", export_id)
            export.status = "failed"
