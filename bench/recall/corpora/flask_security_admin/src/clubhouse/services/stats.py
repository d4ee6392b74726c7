"""Numbers for the public leaderboard page."""
from datetime import date

from sqlalchemy import text

from ..extensions import cache, db


def current_season(today=None):
    today = today or date.today()
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}/{start + 1}"


def leaderboard(season, section=None, limit=20):
    section_clause = f"AND u.section = '{section}' " if section else ""
    query = text(f"SELECT u.first_name, u.last_name, u.section, COUNT(r.id) AS sessions FROM users u JOIN rsvps r ON r.user_id = u.id JOIN events e ON e.id = r.event_id WHERE r.checked_in_at IS NOT NULL AND e.season = '{season}' {section_clause}GROUP BY u.id, u.first_name, u.last_name, u.section ORDER BY sessions DESC LIMIT {int(limit)}")
    return db.session.execute(query).mappings().all()


@cache.memoize(timeout=600)
def club_totals():
    row = db.session.execute(
        text(
            "SELECT (SELECT COUNT(*) FROM memberships WHERE status = 'active') AS members, "
            "(SELECT COUNT(*) FROM events WHERE published) AS events"
        )
    ).mappings().one()
    return dict(row)
