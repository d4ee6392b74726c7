"""Member look-ups for the committee back office."""
from ..db import database

MEMBER_COLUMNS = "u.id, u.display_name, u.email, u.is_active_member, COUNT(t.id) AS plots"


def search_members(term, active_only=True):
    where = "(u.display_name ILIKE '%%%s%%' OR u.email ILIKE '%%%s%%')" % (term, term)
    if active_only:
        where += " AND u.is_active_member"
    sql = (
        f"SELECT {MEMBER_COLUMNS} FROM users u "
        "LEFT JOIN tenancy t ON t.tenant_id = u.id AND t.status = 'active' "
        f"WHERE {where} GROUP BY u.id ORDER BY u.display_name LIMIT 100"
    )
    return database.execute_sql(sql).fetchall()


def member_by_id(user_id):
    cursor = database.execute_sql(
        f"SELECT {MEMBER_COLUMNS} FROM users u "
        "LEFT JOIN tenancy t ON t.tenant_id = u.id AND t.status = 'active' "
        "WHERE u.id = %s GROUP BY u.id",
        (user_id,),
    )
    return cursor.fetchone()
