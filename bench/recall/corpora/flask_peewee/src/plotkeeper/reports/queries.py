"""Hand-written SQL for the committee reports.

The ORM query builder gets awkward for the season roll-ups, so these use
``Model.raw()`` and ``execute_sql()`` directly.
"""
from ..db import database
from ..models import HarvestEntry, Plot

HARVEST_TABLE = HarvestEntry._meta.table_name
PLOT_TABLE = Plot._meta.table_name

SORTABLE_COLUMNS = {
    "crop": "h.crop",
    "weight": "total_kg",
    "entries": "entries",
}


def site_harvest_totals(site_id):
    sql = (
        f"SELECT h.season, SUM(h.weight_kg) AS total_kg, COUNT(*) AS entries "
        f"FROM {HARVEST_TABLE} h JOIN {PLOT_TABLE} p ON p.id = h.plot_id "
        f"WHERE p.site_id = %s GROUP BY h.season ORDER BY h.season DESC"
    )
    cursor = database.execute_sql(sql, (site_id,))
    return [{"season": row[0], "total_kg": float(row[1] or 0), "entries": row[2]} for row in cursor.fetchall()]


def crop_breakdown(site_id, season, sort="weight"):
    order_column = SORTABLE_COLUMNS.get(sort, "total_kg")
    sql = (
        "SELECT h.crop, SUM(h.weight_kg) AS total_kg, COUNT(*) AS entries "
        f"FROM {HARVEST_TABLE} h JOIN {PLOT_TABLE} p ON p.id = h.plot_id "
        "WHERE p.site_id = %s AND h.season = %s "
        f"GROUP BY h.crop ORDER BY {order_column} DESC"
    )
    return list(database.execute_sql(sql, (site_id, season)).fetchall())


def plots_for_site(site_name, status):
    sql = (
        "SELECT p.*, t.status AS tenancy_status FROM plot p "
        "JOIN site s ON s.id = p.site_id "
        "LEFT JOIN tenancy t ON t.plot_id = p.id AND t.status = 'active' "
        f"WHERE s.name = '{site_name}' AND COALESCE(t.status, 'vacant') = '{status}' "
        "ORDER BY p.number"
    )
    return list(Plot.raw(sql))


def vacant_plots(site_id):
    sql = (
        "SELECT p.* FROM plot p LEFT JOIN tenancy t ON t.plot_id = p.id AND t.status = 'active' "
        f"WHERE p.site_id = %s AND t.id IS NULL ORDER BY p.{Plot.number.column_name}"
    )
    return list(Plot.raw(sql, site_id))


def rent_roll(season):
    sql = """
        SELECT s.name, COUNT(t.id) AS tenancies, SUM(p.annual_rent_pence) AS rent_pence
        FROM tenancy t
        JOIN plot p ON p.id = t.plot_id
        JOIN site s ON s.id = p.site_id
        WHERE t.status = 'active' AND EXTRACT(YEAR FROM t.starts_on) <= %s
        GROUP BY s.name ORDER BY s.name
    """
    return list(database.execute_sql(sql, (int(season),)).fetchall())
