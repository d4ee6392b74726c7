"""Raw SQL behind the HR reports; the ORM version was too slow on the big tables."""
from django.db import connection

from directory.models import Employee

HEADCOUNT_ORDER = {
    "department": "d.name",
    "headcount": "headcount DESC, d.name",
    "tenure": "avg_tenure_days DESC NULLS LAST, d.name",
}


def _dictfetchall(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def headcount_by_department(sort="department"):
    order_clause = HEADCOUNT_ORDER.get(sort, HEADCOUNT_ORDER["department"])
    sql = f"""
        SELECT d.id, d.name, COUNT(e.id) AS headcount,
               AVG(CURRENT_DATE - e.hire_date) AS avg_tenure_days
        FROM directory_department d
        LEFT JOIN directory_employee e ON e.department_id = d.id AND e.is_active
        GROUP BY d.id, d.name
        ORDER BY {order_clause}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return _dictfetchall(cursor)


def tenure_listing(department_id, order_by):
    sql = (
        "SELECT e.id, e.first_name, e.last_name, e.job_title, e.hire_date "
        "FROM directory_employee e "
        "WHERE e.department_id = %s AND e.is_active "
        "ORDER BY " + order_by
    )
    return Employee.objects.raw(sql, [department_id])


def absence_summary(start, end, leave_type=None):
    type_filter = f"AND l.leave_type = '{leave_type}'" if leave_type else ""
    sql = f"""
        SELECT d.name AS department, l.leave_type,
               COUNT(*) AS requests,
               SUM(LEAST(l.end_date, %s) - GREATEST(l.start_date, %s) + 1) AS days
        FROM hr_leaverequest l
        JOIN directory_employee e ON e.id = l.employee_id
        JOIN directory_department d ON d.id = e.department_id
        WHERE l.status = 'approved' AND l.start_date <= %s AND l.end_date >= %s {type_filter}
        GROUP BY d.name, l.leave_type
        ORDER BY d.name, l.leave_type
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [end, start, end, start])
        return _dictfetchall(cursor)


def employees_by_ids(ids):
    if not ids:
        return []
    placeholders = ", ".join(["%s"] * len(ids))
    sql = f"SELECT id, first_name, last_name, email, job_title FROM directory_employee WHERE id IN ({placeholders})"
    with connection.cursor() as cursor:
        cursor.execute(sql, list(ids))
        return _dictfetchall(cursor)
