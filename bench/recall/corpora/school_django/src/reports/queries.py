"""
Hand-written SQL for the head-of-year reports.

These aggregate across several apps and are much faster as one query than
through the ORM, so they live here rather than in the apps' selectors.
"""
from django.db import connection

RANKING_ORDER = {
    "average": "average DESC, s.last_name",
    "name": "s.last_name, s.first_name",
    "number": "s.student_number",
}


def _dictfetchall(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def term_averages_by_section(term_code):
    sql = f"""
        SELECT sec.name AS section,
               subj.name AS subject,
               ROUND(AVG(g.score * 100 / a.max_score), 1) AS average,
               COUNT(*) AS entries
          FROM grades_grade g
          JOIN grades_assessment a ON a.id = g.assessment_id
          JOIN grades_term t ON t.id = a.term_id
          JOIN students_section sec ON sec.id = g.section_id
          JOIN teachers_subject subj ON subj.id = a.subject_id
         WHERE t.code = '{term_code}'
         GROUP BY sec.name, subj.name
         ORDER BY sec.name, subj.name
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return _dictfetchall(cursor)


def students_at_risk(term_id, threshold):
    """Students whose weighted average for the term is under `threshold` percent."""
    sql = """
        SELECT s.id, s.student_number, s.first_name, s.last_name, sec.name AS section,
               ROUND(SUM(g.score * 100 / a.max_score * a.weight) / SUM(a.weight), 1) AS average
          FROM grades_grade g
          JOIN grades_assessment a ON a.id = g.assessment_id
          JOIN students_student s ON s.id = g.student_id
          JOIN students_section sec ON sec.id = s.section_id
         WHERE a.term_id = %s
         GROUP BY s.id, s.student_number, s.first_name, s.last_name, sec.name
        HAVING SUM(g.score * 100 / a.max_score * a.weight) / SUM(a.weight) < %s
         ORDER BY average
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [term_id, threshold])
        return _dictfetchall(cursor)


def student_ranking(term_id, order_key="average", limit=100):
    order_by = RANKING_ORDER.get(order_key, RANKING_ORDER["average"])
    sql = (
        "SELECT s.student_number, s.first_name, s.last_name, "
        "ROUND(AVG(g.score * 100 / a.max_score), 1) AS average "
        "FROM grades_grade g "
        "JOIN grades_assessment a ON a.id = g.assessment_id "
        "JOIN students_student s ON s.id = g.student_id "
        "WHERE a.term_id = %s "
        "GROUP BY s.student_number, s.first_name, s.last_name "
        f"ORDER BY {order_by} "
        "LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [term_id, limit])
        return _dictfetchall(cursor)
