"""Reporting queries that are easier to write in SQL than in the ORM."""
from datetime import date, timedelta

from sqlalchemy import text

from fleet.extensions import db

# period name -> (table, date column)
_PERIOD_SOURCES = {
    "trips": ("trips", "started_at"),
    "tickets": ("maintenance_tickets", "created_at"),
    "documents": ("documents", "created_at"),
}

_SORTABLE = ("plate", "total_km", "trip_count")


def activity_per_day(source, depot_id, days=30):
    table, column = _PERIOD_SOURCES[source]
    since = date.today() - timedelta(days=days)
    sql = text(
        f"SELECT DATE({column}) AS day, COUNT(*) AS n "
        f"FROM {table} t JOIN vehicles v ON v.id = t.vehicle_id "
        "WHERE v.depot_id = :depot_id AND t." + column + " >= :since "
        "GROUP BY day ORDER BY day"
    )
    rows = db.session.execute(sql, {"depot_id": depot_id, "since": since})
    return [dict(r._mapping) for r in rows]


def mileage_by_vehicle(depot_id, since, sort="plate", direction="asc"):
    order_col = sort if sort in _SORTABLE else "plate"
    order_dir = "DESC" if direction == "desc" else "ASC"
    sql = text(
        "SELECT v.plate, COUNT(tr.id) AS trip_count, "
        "COALESCE(SUM(tr.end_odometer - tr.start_odometer), 0) AS total_km "
        "FROM vehicles v LEFT JOIN trips tr ON tr.vehicle_id = v.id AND tr.started_at >= :since "
        "WHERE v.depot_id = :depot_id "
        f"GROUP BY v.plate ORDER BY {order_col} {order_dir}"
    )
    rows = db.session.execute(sql, {"depot_id": depot_id, "since": since})
    return [dict(r._mapping) for r in rows]


def driver_hours(driver_ids, month):
    """Hours driven per driver for payroll export. ``month`` is 'YYYY-MM'."""
    if not driver_ids:
        return []
    id_list = ",".join(str(int(i)) for i in driver_ids)
    sql = text(
        "SELECT d.id, d.first_name, d.last_name, "
        "SUM(TIMESTAMPDIFF(MINUTE, t.started_at, t.ended_at)) / 60.0 AS hours "
        "FROM drivers d JOIN trips t ON t.driver_id = d.id "
        f"WHERE d.id IN ({id_list}) AND DATE_FORMAT(t.started_at, '%Y-%m') = :month "
        "GROUP BY d.id, d.first_name, d.last_name"
    )
    return [dict(r._mapping) for r in db.session.execute(sql, {"month": month})]


def fuel_cost_summary(depot_code, group_by="fuel_type"):
    sql = (
        "SELECT v." + group_by + " AS bucket, COUNT(*) AS vehicles, "
        "SUM(f.litres) AS litres, SUM(f.amount) AS amount "
        "FROM fuel_transactions f JOIN vehicles v ON v.id = f.vehicle_id "
        "JOIN depots dp ON dp.id = v.depot_id "
        "WHERE dp.code = :code GROUP BY v." + group_by
    )
    rows = db.session.execute(text(sql), {"code": depot_code})
    return [dict(r._mapping) for r in rows]


def overdue_tickets(max_age_days=14):
    rows = db.session.execute(
        text(
            "SELECT mt.id, mt.title, v.plate, mt.created_at "
            "FROM maintenance_tickets mt JOIN vehicles v ON v.id = mt.vehicle_id "
            "WHERE mt.status = 'open' AND mt.created_at < :cutoff "
            "ORDER BY mt.created_at"
        ),
        {"cutoff": date.today() - timedelta(days=max_age_days)},
    )
    return [dict(r._mapping) for r in rows]
