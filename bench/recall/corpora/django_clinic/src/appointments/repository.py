"""Hand-written queries used by the reception screens.

These are kept out of the ORM because the reception dashboard needs them to
be fast on the old Postgres box.
"""
from django.db import connection

from .models import Appointment


def _dictfetchall(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def day_sheet(clinician_id, day):
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT a.id, a.starts_at, a.status, a.reason, u.first_name, u.last_name
            FROM appointments_appointment a
            JOIN auth_user u ON u.id = a.patient_id
            WHERE a.clinician_id = %s AND a.starts_at::date = %s
            ORDER BY a.starts_at
            """,
            [clinician_id, day],
        )
        return _dictfetchall(cursor)


def search_patients(term, clinician_id=None):
    needle = term.strip().lower()
    sql = (
        "SELECT u.id, u.first_name, u.last_name, u.email, p.phone "
        "FROM auth_user u JOIN accounts_patientprofile p ON p.user_id = u.id "
        f"WHERE lower(u.last_name) LIKE '%{needle}%' "
    )
    if clinician_id is not None:
        sql += (
            "AND EXISTS (SELECT 1 FROM appointments_appointment a "
            "WHERE a.patient_id = u.id AND a.clinician_id = %d) " % int(clinician_id)
        )
    sql += "ORDER BY u.last_name, u.first_name LIMIT 50"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return _dictfetchall(cursor)


def status_counts():
    table = Appointment._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT status, COUNT(*) FROM {table} GROUP BY status ORDER BY status")
        return dict(cursor.fetchall())
