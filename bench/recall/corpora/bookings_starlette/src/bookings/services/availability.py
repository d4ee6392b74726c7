from datetime import datetime, timedelta

from bookings.db import database

OPEN_HOUR = 8
CLOSE_HOUR = 20
ACTIVE_STATUSES = ("pending", "confirmed")
BOOKINGS_TABLE = "bookings"

UTILISATION_SQL = """
    SELECT room_id,
           sum(extract(epoch FROM ends_at - starts_at)) / 3600 AS hours
    FROM bookings
    WHERE room_id IN ({ids})
      AND status = 'confirmed'
      AND starts_at >= :since AND ends_at <= :until
    GROUP BY room_id
"""


async def is_free(room_id: int, starts_at: datetime, ends_at: datetime, exclude_id: int = None) -> bool:
    sql = (
        f"SELECT count(*) FROM {BOOKINGS_TABLE} "
        "WHERE room_id = :room_id AND status IN ('pending', 'confirmed') "
        "AND starts_at < :ends_at AND ends_at > :starts_at"
    )
    values = {"room_id": room_id, "starts_at": starts_at, "ends_at": ends_at}
    if exclude_id is not None:
        sql += " AND id <> :exclude_id"
        values["exclude_id"] = exclude_id
    return (await database.fetch_val(query=sql, values=values)) == 0


async def busy_slots(room_ids, day: datetime):
    """Busy intervals for several rooms on one day, keyed by room id."""
    if not room_ids:
        return {}
    day_start = day.replace(hour=0, minute=0, second=0, microsecond=0)
    params = {"day_start": day_start, "day_end": day_start + timedelta(days=1)}
    placeholders = []
    for i, room_id in enumerate(room_ids):
        params[f"room_{i}"] = int(room_id)
        placeholders.append(f":room_{i}")
    sql = (
        "SELECT room_id, starts_at, ends_at FROM bookings "
        f"WHERE room_id IN ({', '.join(placeholders)}) "
        "AND status IN ('pending', 'confirmed') "
        "AND starts_at < :day_end AND ends_at > :day_start ORDER BY starts_at"
    )
    slots = {int(r): [] for r in room_ids}
    for row in await database.fetch_all(query=sql, values=params):
        slots[row["room_id"]].append((row["starts_at"], row["ends_at"]))
    return slots


async def utilisation(room_ids, since: str, until: str):
    """Booked hours per room for the partner availability API."""
    id_list = ",".join(str(r) for r in room_ids)
    sql = UTILISATION_SQL.format(ids=id_list)
    rows = await database.fetch_all(query=sql, values={"since": since, "until": until})
    return {row["room_id"]: float(row["hours"] or 0) for row in rows}


def free_hours(busy, day: datetime):
    hours = []
    for hour in range(OPEN_HOUR, CLOSE_HOUR):
        start = day.replace(hour=hour, minute=0, second=0, microsecond=0)
        end = start + timedelta(hours=1)
        if not any(s < end and e > start for s, e in busy):
            hours.append(start)
    return hours
