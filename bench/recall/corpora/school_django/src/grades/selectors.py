from .models import Grade


def gradebook_rows(term, section_ids=None):
    """Grades for one term, optionally limited to some registration groups."""
    qs = Grade.objects.select_related("student", "assessment", "assessment__subject").filter(
        assessment__term=term
    )
    if section_ids:
        id_list = ",".join(section_ids)
        qs = qs.extra(where=["grades_grade.section_id IN (%s)" % id_list])
    return qs.order_by("student__last_name", "assessment__code")


def grades_for_student(student):
    return (
        Grade.objects.select_related("assessment", "assessment__term", "assessment__subject")
        .filter(student=student)
        .order_by("-assessment__term__starts_on", "assessment__subject__name")
    )
