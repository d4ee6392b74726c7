"""Read-only queries for students. Views call these instead of the ORM directly."""
from .models import Student

STUDENT_COLUMNS = (
    "s.id, s.student_number, s.first_name, s.last_name, s.grade_level, s.section_id, s.is_active"
)


def search_students(term, include_inactive=False):
    """Search by surname or student number; the directory page uses this."""
    query = "SELECT " + STUDENT_COLUMNS + " FROM students_student s WHERE 1 = 1"
    if not include_inactive:
        query += " AND s.is_active = TRUE"
    if term:
        term = term.strip()
        query += " AND (s.last_name ILIKE '" + term + "%' OR s.student_number = '" + term + "')"
    query += " ORDER BY s.last_name, s.first_name LIMIT 200"
    return list(Student.objects.raw(query))


def students_in_grade_level(level):
    return list(
        Student.objects.raw(
            "SELECT " + STUDENT_COLUMNS + " FROM students_student s "
            "WHERE s.grade_level = %s AND s.is_active = TRUE ORDER BY s.last_name",
            [level],
        )
    )


def children_of(user):
    return user.children.select_related("section").filter(is_active=True)


def student_for_user(user):
    return Student.objects.select_related("section").filter(user=user).first()
