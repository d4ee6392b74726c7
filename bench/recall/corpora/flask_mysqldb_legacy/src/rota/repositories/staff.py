from .. import db

STAFF_SORTS = {
    "name": "u.full_name",
    "role": "u.role, u.full_name",
    "recent": "u.last_login_at DESC",
}


def search(clinic_id, term):
    sql = (
        "SELECT u.id, u.full_name, u.email, u.role, u.phone FROM users u "
        "WHERE u.clinic_id = %s AND u.is_active = 1 "
        "AND (u.full_name LIKE '%%" + term + "%%' OR u.email LIKE '%%" + term + "%%') "
        "ORDER BY u.full_name LIMIT 50"
    )
    return db.query(sql, (clinic_id,))


def list_all(clinic_id, sort="name"):
    order = STAFF_SORTS.get(sort, STAFF_SORTS["name"])
    return db.query(
        "SELECT u.id, u.full_name, u.email, u.role, u.phone FROM users u "
        f"WHERE u.clinic_id = %s AND u.is_active = 1 ORDER BY {order}",
        (clinic_id,),
    )


def by_role(clinic_id, role):
    return db.query(
        "SELECT id, full_name, email, phone FROM users "
        "WHERE clinic_id = %s AND role = %s AND is_active = 1 ORDER BY full_name",
        (clinic_id, role),
    )


def hours_this_week(user_ids, week_start):
    if not user_ids:
        return {}
    placeholders = ", ".join(["%s"] * len(user_ids))
    rows = db.query(
        f"SELECT user_id, SUM(TIMESTAMPDIFF(MINUTE, starts_at, ends_at)) / 60 AS hours "
        f"FROM shifts WHERE user_id IN ({placeholders}) AND starts_at >= %s "
        f"GROUP BY user_id",
        (*user_ids, week_start),
    )
    return {r["user_id"]: float(r["hours"] or 0) for r in rows}
