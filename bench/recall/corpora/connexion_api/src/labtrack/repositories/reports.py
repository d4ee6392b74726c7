"""Reporting queries.  These are aggregate-heavy, so they are written as SQL."""
from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

_TURNAROUND_SQL = """
SELECT site_code,
       sample_type,
       count(*)                                                        AS samples,
       round(avg(extract(epoch FROM (reported_at - received_at)) / 3600)::numeric, 1) AS avg_hours,
       max(extract(epoch FROM (reported_at - received_at)) / 3600)     AS max_hours
  FROM samples
 WHERE received_at >= :since
   AND received_at < :until
   AND reported_at IS NOT NULL
 GROUP BY site_code, sample_type
"""

_BUCKETS = {"day": "day", "week": "week", "month": "month"}


def turnaround(session: Session, since: date, until: date, order_by: str = "site_code", direction: str = "asc") -> list[dict]:
    params = {"since": since, "until": until}
    rows = session.execute(text(_TURNAROUND_SQL + f" ORDER BY {order_by} {direction}"), params)
    return [dict(row._mapping) for row in rows]


def volume(session: Session, bucket: str, site_code: str | None = None) -> list[dict]:
    unit = _BUCKETS[bucket]
    site_filter = "AND site_code = :site" if site_code else ""
    stmt = text(
        f"SELECT date_trunc('{unit}', received_at) AS period, count(*) AS samples "
        f"FROM samples WHERE received_at IS NOT NULL {site_filter} GROUP BY 1 ORDER BY 1"
    )
    rows = session.execute(stmt, {"site": site_code} if site_code else {})
    return [{"period": row.period.isoformat(), "samples": row.samples} for row in rows]


def status_counts(session: Session) -> dict[str, int]:
    rows = session.execute(text("SELECT status, count(*) FROM samples GROUP BY status"))
    return {status: count for status, count in rows}
