from .. import db


def hours_by_clinic(clinic_ids, month_start, month_end):
    id_list = ",".join(str(c) for c in clinic_ids)
    return db.query(
        "SELECT c.name AS clinic, s.role, "
        "SUM(TIMESTAMPDIFF(MINUTE, s.starts_at, s.ends_at)) / 60 AS hours "
        "FROM shifts s JOIN clinics c ON c.id = s.clinic_id "
        f"WHERE s.clinic_id IN ({id_list}) AND s.starts_at BETWEEN %s AND %s "
        "GROUP BY c.name, s.role ORDER BY c.name, s.role",
        (month_start, month_end),
    )


def unfilled_count(clinic_id, since):
    return db.query(
        "SELECT COUNT(*) AS n FROM shifts WHERE clinic_id = %s AND user_id IS NULL "
        "AND starts_at >= %s",
        (clinic_id, since),
        one=True,
    )["n"]
