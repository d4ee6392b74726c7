"""Liveness and metrics."""
from __future__ import annotations

from sqlalchemy import text

from labtrack import __version__
from labtrack.database import get_session
from labtrack.repositories import reports as reports_repo


def check():
    try:
        get_session().execute(text("SELECT 1"))
        database = "ok"
    except Exception:  # noqa: BLE001 - report, do not raise
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return {"status": "ok" if status == 200 else "degraded", "database": database, "version": __version__}, status


def metrics():
    counts = reports_repo.status_counts(get_session())
    lines = ["# TYPE labtrack_samples gauge"]
    lines += [f'labtrack_samples{{status="{status}"}} {count}' for status, count in sorted(counts.items())]
    return "\n".join(lines) + "\n", 200, {"Content-Type": "text/plain; version=0.0.4"}
