"""CSV exports for the committee."""
import csv
import io

from sqlalchemy import text

from ..extensions import db

EXPORT_COLUMNS = ["email", "first_name", "last_name", "section", "tier", "status", "valid_until"]


def _membership_query(status):
    sql = (
        "SELECT u.email, u.first_name, u.last_name, u.section, m.tier, m.status, m.valid_until "
        "FROM users u JOIN memberships m ON m.user_id = u.id"
    )
    if status:
        sql += " WHERE m.status = '%s'" % status
    return sql + " ORDER BY u.last_name, u.first_name"


def membership_rows(status=None):
    return db.session.execute(text(_membership_query(status))).mappings().all()


def membership_csv(status=None):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in membership_rows(status):
        writer.writerow(dict(row))
    return buffer.getvalue()


def attendance_by_event(season):
    return db.session.execute(
        text(
            "SELECT e.id, e.title, e.starts_at, COUNT(r.id) AS going "
            "FROM events e LEFT JOIN rsvps r ON r.event_id = e.id AND r.status = 'going' "
            "WHERE e.season = :season GROUP BY e.id, e.title, e.starts_at ORDER BY e.starts_at"
        ),
        {"season": season},
    ).mappings().all()
