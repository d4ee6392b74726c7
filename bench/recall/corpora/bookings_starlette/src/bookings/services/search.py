"""Room search used by the listing page and the htmx quick-search box."""
from bookings.db import database

SORT_COLUMNS = {
    "name": "r.name",
    "capacity": "r.capacity",
    "price": "r.hourly_rate",
    "building": "r.building",
}

BASE_QUERY = """
    SELECT r.id, r.slug, r.name, r.building, r.capacity, r.hourly_rate, r.photo
    FROM rooms r
    WHERE r.is_active = true
"""


def _order_clause(sort: str, descending: bool) -> str:
    column = SORT_COLUMNS.get(sort, "r.name")
    return f" ORDER BY {column} {'DESC' if descending else 'ASC'}"


async def search_rooms(term: str = "", building: str = "", min_capacity: int = 0,
                       sort: str = "name", descending: bool = False, limit: int = 50):
    clauses = []
    values = {"limit": limit}
    if term:
        clauses.append("(r.name ILIKE '%" + term + "%' OR r.description_html ILIKE '%" + term + "%')")
    if building:
        clauses.append("r.building = :building")
        values["building"] = building
    if min_capacity:
        clauses.append("r.capacity >= :min_capacity")
        values["min_capacity"] = int(min_capacity)

    sql = BASE_QUERY
    if clauses:
        sql += " AND " + " AND ".join(clauses)
    sql += _order_clause(sort, descending) + " LIMIT :limit"
    return await database.fetch_all(query=sql, values=values)


async def buildings():
    rows = await database.fetch_all(
        "SELECT DISTINCT building FROM rooms WHERE is_active = true ORDER BY building"
    )
    return [row["building"] for row in rows]
