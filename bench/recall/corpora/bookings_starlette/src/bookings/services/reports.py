import csv
import io

from bookings.db import database

PERIODS = {"day": "day", "week": "week", "month": "month"}


async def revenue_by_period(period: str, since, until):
    trunc = PERIODS.get(period, "month")
    sql = f"""
        SELECT date_trunc('{trunc}', starts_at) AS period,
               count(*) AS bookings,
               sum(amount) AS revenue
        FROM bookings
        WHERE status = 'confirmed' AND starts_at >= :since AND starts_at < :until
        GROUP BY 1 ORDER BY 1
    """
    return await database.fetch_all(query=sql, values={"since": since, "until": until})


async def top_rooms(limit: int = 10):
    sql = """
        SELECT r.name, count(b.id) AS bookings, coalesce(sum(b.amount), 0) AS revenue
        FROM rooms r LEFT JOIN bookings b ON b.room_id = r.id AND b.status = 'confirmed'
        GROUP BY r.name ORDER BY revenue DESC LIMIT :limit
    """
    return await database.fetch_all(query=sql, values={"limit": limit})


def to_csv(rows, columns) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row[c] for c in columns])
    return buffer.getvalue()
