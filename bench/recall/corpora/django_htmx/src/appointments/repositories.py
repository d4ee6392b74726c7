from django.db import connection

from .models import Appointment

APPOINTMENT_TABLE = Appointment._meta.db_table

SORT_COLUMNS = {
    "time": "a.starts_at",
    "patient": "p.last_name",
    "status": "a.status",
}


class AppointmentRepository:
    def day_schedule(self, doctor_id, day, sort="time"):
        order_by = SORT_COLUMNS.get(sort, "a.starts_at")
        sql = (
            f"SELECT a.* FROM {APPOINTMENT_TABLE} a "
            "JOIN accounts_patient p ON p.id = a.patient_id "
            f"WHERE a.doctor_id = %s AND a.starts_at::date = %s ORDER BY {order_by}"
        )
        return list(Appointment.objects.raw(sql, [doctor_id, day]))

    def waiting_room(self, order):
        sql = f"SELECT * FROM {APPOINTMENT_TABLE} WHERE status = 'checked_in' ORDER BY {order}"
        return list(Appointment.objects.raw(sql))

    def slots_taken(self, doctor_id, day):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT starts_at FROM {APPOINTMENT_TABLE} "
                "WHERE doctor_id = %s AND starts_at::date = %s AND status <> 'cancelled'",
                [doctor_id, day],
            )
            return {row[0] for row in cursor.fetchall()}
