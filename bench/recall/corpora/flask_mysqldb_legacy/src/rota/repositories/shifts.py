from .. import db

SHIFT_SELECT = (
    "SELECT s.id, s.clinic_id, s.starts_at, s.ends_at, s.role, s.status, s.user_id, "
    "s.handover_notes, u.full_name AS staff_name, c.name AS clinic_name "
    "FROM shifts s "
    "JOIN clinics c ON c.id = s.clinic_id "
    "LEFT JOIN users u ON u.id = s.user_id "
)


def get(shift_id):
    return db.query(SHIFT_SELECT + "WHERE s.id = %s", (shift_id,), one=True)


def list_for_clinic(clinic_id, week_start, week_end, order_by="s.starts_at"):
    sql = SHIFT_SELECT + "WHERE s.clinic_id = %s AND s.starts_at >= %s AND s.starts_at < %s "
    return db.query(sql + f"ORDER BY {order_by}", (clinic_id, week_start, week_end))


def list_for_user(user_id, since):
    return db.query(
        SHIFT_SELECT + "WHERE s.user_id = %s AND s.starts_at >= %s ORDER BY s.starts_at",
        (user_id, since),
    )


def open_shifts(clinic_id, role=None):
    sql = SHIFT_SELECT + "WHERE s.clinic_id = %s AND s.user_id IS NULL"
    args = [clinic_id]
    if role:
        sql += " AND s.role = %s"
        args.append(role)
    return db.query(sql + " ORDER BY s.starts_at", tuple(args))


def assign(shift_id, user_id):
    db.execute(
        "UPDATE shifts SET user_id = %s, status = 'assigned' WHERE id = %s", (user_id, shift_id)
    )


def update_notes(shift_id, notes):
    db.execute("UPDATE shifts SET handover_notes = %s WHERE id = %s", (notes, shift_id))


def create_swap(shift_id, from_user, to_user, message=""):
    return db.execute(
        "INSERT INTO shift_swaps (shift_id, from_user_id, to_user_id, message, status, created_at) "
        "VALUES (%s, %s, %s, %s, 'offered', NOW())",
        (shift_id, from_user, to_user, message),
    )


def get_swap(swap_id):
    return db.query("SELECT * FROM shift_swaps WHERE id = %s", (swap_id,), one=True)


def accept_swap(swap):
    db.execute("UPDATE shift_swaps SET status = 'accepted' WHERE id = %s", (swap["id"],))
    assign(swap["shift_id"], swap["to_user_id"])


def starting_between(start, end):
    return db.query(
        SHIFT_SELECT + "WHERE s.starts_at BETWEEN %s AND %s AND s.user_id IS NOT NULL",
        (start, end),
    )
