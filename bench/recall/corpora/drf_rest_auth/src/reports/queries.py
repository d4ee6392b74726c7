"""Hand-written SQL for the coordinator dashboards.

The ORM version of these aggregates produced nested subqueries that were an
order of magnitude slower on the production data set.
"""
from django.db import connection

CITY_HOURS_SQL = """
    SELECT o.city,
           COUNT(DISTINCT s.volunteer_id) AS volunteers,
           COALESCE(SUM(s.hours), 0) AS total_hours
    FROM volunteering_shiftsignup s
    JOIN volunteering_shift sh ON sh.id = s.shift_id
    JOIN volunteering_opportunity o ON o.id = sh.opportunity_id
    WHERE s.status = 'attended' AND sh.starts_at >= %s
"""

LEADERBOARD_SQL = """
    SELECT p.display_name,
           COUNT(s.id) AS shift_count,
           COALESCE(SUM(s.hours), 0) AS total_hours
    FROM volunteering_shiftsignup s
    JOIN accounts_volunteerprofile p ON p.user_id = s.volunteer_id
    JOIN volunteering_shift sh ON sh.id = s.shift_id
    JOIN volunteering_opportunity o ON o.id = sh.opportunity_id
    WHERE o.organisation_id = %s AND s.status = 'attended'
    GROUP BY p.display_name
"""

LEADERBOARD_ORDERING = {
    "hours": ("total_hours", "DESC"),
    "shifts": ("shift_count", "DESC"),
    "name": ("display_name", "ASC"),
}


def _rows(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def hours_by_city(city, since):
    sql = CITY_HOURS_SQL
    if city:
        sql += f" AND o.city = '{city}'"
    sql += " GROUP BY o.city ORDER BY total_hours DESC"
    with connection.cursor() as cursor:
        cursor.execute(sql, [since])
        return _rows(cursor)


def volunteer_leaderboard(organisation_id, order="hours", limit=20):
    column, direction = LEADERBOARD_ORDERING.get(order, LEADERBOARD_ORDERING["hours"])
    sql = f"{LEADERBOARD_SQL} ORDER BY {column} {direction} LIMIT %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [organisation_id, limit])
        return _rows(cursor)


def attendance_for_shifts(shift_ids):
    if not shift_ids:
        return []
    placeholders = ", ".join(["%s"] * len(shift_ids))
    sql = f"""
        SELECT shift_id, status, COUNT(*) AS n
        FROM volunteering_shiftsignup
        WHERE shift_id IN ({placeholders})
        GROUP BY shift_id, status
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, list(shift_ids))
        return _rows(cursor)
