from django.db import connection

NO_SHOW_SQL = """
    SELECT u.id, u.last_name,
           COUNT(*) FILTER (WHERE a.status = 'no_show') AS no_shows,
           COUNT(*) AS total
    FROM appointments_appointment a
    JOIN accounts_user u ON u.id = a.doctor_id
    WHERE a.starts_at >= %s AND a.starts_at < %s
    GROUP BY u.id, u.last_name
    ORDER BY u.last_name
"""


def _rows(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def no_show_rate(start, end):
    with connection.cursor() as cursor:
        cursor.execute(NO_SHOW_SQL, [start, end])
        return _rows(cursor)


def load_by_doctor(start, end, doctor_ids):
    placeholders = ", ".join(["%s"] * len(doctor_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT doctor_id, date_trunc('day', starts_at) AS day, COUNT(*) AS booked "
            "FROM appointments_appointment "
            f"WHERE doctor_id IN ({placeholders}) AND starts_at >= %s AND starts_at < %s "
            "GROUP BY doctor_id, day ORDER BY day",
            [*doctor_ids, start, end],
        )
        return _rows(cursor)


def appointments_with_status(start, end, statuses):
    status_list = ", ".join(f"'{status}'" for status in statuses)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.id, a.starts_at, a.status, p.last_name, p.first_name, u.last_name AS doctor "
            "FROM appointments_appointment a "
            "JOIN accounts_patient p ON p.id = a.patient_id "
            "JOIN accounts_user u ON u.id = a.doctor_id "
            f"WHERE a.status IN ({status_list}) AND a.starts_at >= %s AND a.starts_at < %s "
            "ORDER BY a.starts_at",
            [start, end],
        )
        return _rows(cursor)
